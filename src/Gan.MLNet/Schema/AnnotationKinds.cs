using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>Well-known annotation kinds and helpers to read them.</summary>
public static class AnnotationKinds
{
    /// <summary>The values behind a key column's keys, as a vector whose item i describes key i+1.</summary>
    public const string KeyValues = "KeyValues";

    /// <summary>Names of a vector column's slots, as a vector of text.</summary>
    public const string SlotNames = "SlotNames";

    /// <summary>Whether <paramref name="column"/> carries a <see cref="KeyValues"/> annotation.</summary>
    /// <param name="column">The column.</param>
    public static bool HasKeyValues(this DataViewSchema.Column column) =>
        column.Annotations.Schema.GetColumnOrNull(KeyValues) is not null;

    /// <summary>Reads the <see cref="KeyValues"/> annotation of <paramref name="column"/>.</summary>
    /// <param name="column">A key column.</param>
    /// <param name="keyValues">Receives the values behind keys 1..Count.</param>
    public static void GetKeyValues<TValue>(this DataViewSchema.Column column, ref VBuffer<TValue> keyValues) =>
        column.Annotations.GetValue(KeyValues, ref keyValues);
}
