namespace Gan.MLNet;

/// <summary>
/// A row's stable identity: the same source row has the same id in every cursor, whatever the order in which the
/// cursor visits rows (shuffling keeps ids, filtering keeps ids). 128 bits, as ML.NET's, so derived rows can mix ids.
/// </summary>
/// <param name="Low">The low 64 bits (for source views, the row's position in the source).</param>
/// <param name="High">The high 64 bits.</param>
public readonly record struct DataViewRowId(ulong Low, ulong High)
{
    /// <summary>Creates an id from a position in a source view.</summary>
    /// <param name="position">The position.</param>
    public static DataViewRowId FromPosition(long position) => new((ulong)position, 0);

    /// <inheritdoc />
    public override string ToString() => High == 0 ? Low.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{High:X16}{Low:X16}";
}
