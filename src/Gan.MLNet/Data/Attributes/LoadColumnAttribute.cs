namespace Gan.MLNet.Data;

/// <summary>Names the source column(s) of a member when loading from a text file (ignored by LoadFromEnumerable).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class LoadColumnAttribute : Attribute
{
    /// <summary>Loads the member from the column at <paramref name="fieldIndex"/>.</summary>
    /// <param name="fieldIndex">Zero-based source column.</param>
    public LoadColumnAttribute(int fieldIndex) : this(fieldIndex, fieldIndex) { }

    /// <summary>Loads the member (a vector) from the columns <paramref name="start"/>..<paramref name="end"/>.</summary>
    /// <param name="start">First source column.</param>
    /// <param name="end">Last source column (inclusive).</param>
    public LoadColumnAttribute(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        Start = start;
        End = end;
    }

    /// <summary>First source column.</summary>
    public int Start { get; }

    /// <summary>Last source column (inclusive).</summary>
    public int End { get; }
}
