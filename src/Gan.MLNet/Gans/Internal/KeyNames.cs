using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Class names from a key column's KeyValues annotation (any value type, as text) and back as a text annotation.</summary>
internal static class KeyNames
{
    private const string KeyValuesKind = "KeyValues";
    private static readonly MethodInfo ReadDefinition = typeof(KeyNames).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The column's key type, when it is a UInt32 key (what MapValueToKey makes).</summary>
    /// <exception cref="SchemaMismatchException">It is not.</exception>
    public static KeyDataViewType RequireKey(DataViewSchema.Column column, string what) =>
        column.Type is KeyDataViewType { RawType: var raw } key && raw == typeof(uint)
            ? key : throw new SchemaMismatchException(column.Name, $"a UInt32 key column of {what}", column.Type.ToString());

    /// <summary>The text of each key value 1..count, or "1", "2", … when the column has no KeyValues.</summary>
    public static string[] Read(DataViewSchema.Column column, int count)
    {
        var annotation = column.Annotations.Schema.GetColumnOrNull(KeyValuesKind);
        if (annotation is not { Type: VectorDataViewType vector })
            return [.. Enumerable.Range(1, count).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var names = (string[])ReadDefinition.MakeGenericMethod(vector.ItemType.RawType).Invoke(null, [column])!;
        return names.Length == count ? names : throw new SchemaMismatchException(column.Name, $"KeyValues with {count} values", $"{names.Length}");
    }

    /// <summary>A KeyValues annotation holding <paramref name="names"/> as text.</summary>
    public static DataViewSchema.Annotations ToAnnotations(IReadOnlyList<string> names)
    {
        var values = new VBuffer<ReadOnlyMemory<char>>(names.Count, [.. names.Select(n => n.AsMemory())]);
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(KeyValuesKind, new VectorDataViewType(TextDataViewType.Instance, names.Count), (ref VBuffer<ReadOnlyMemory<char>> value) => values.CopyTo(ref value));
        return builder.ToAnnotations();
    }

    private static string[] ReadAs<T>(DataViewSchema.Column column)
    {
        VBuffer<T> values = default;
        column.GetKeyValues(ref values);
        return [.. values.DenseValues().Select(v => v?.ToString() ?? "")];
    }
}
