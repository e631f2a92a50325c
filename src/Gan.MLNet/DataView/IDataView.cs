namespace Gan.MLNet;

/// <summary>
/// A table read through cursors: the data moves only when a cursor is moved, and a cursor computes only the columns
/// it was asked for. Views are immutable and usually lazy (a transform's output is computed while it is read).
/// </summary>
public interface IDataView
{
    /// <summary>Whether <see cref="GetRowCursor"/> can return rows in a random order when given a <see cref="Random"/>.</summary>
    bool CanShuffle { get; }

    /// <summary>The columns.</summary>
    DataViewSchema Schema { get; }

    /// <summary>The number of rows when it is known without reading the data; null otherwise.</summary>
    long? GetRowCount();

    /// <summary>Opens a cursor that computes only <paramref name="columnsNeeded"/>.</summary>
    /// <param name="columnsNeeded">The columns the caller will read; all others stay inactive and are not computed.</param>
    /// <param name="rand">When not null and <see cref="CanShuffle"/> is true, the rows are returned in an order drawn from it.</param>
    DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null);

    /// <summary>
    /// Cursors that together visit every row once, for parallel readers. Views of this layer stream from a single
    /// source enumeration, so by default the set holds one cursor; <paramref name="n"/> is an upper bound.
    /// </summary>
    /// <param name="columnsNeeded">The columns the caller will read.</param>
    /// <param name="n">The most cursors wanted.</param>
    /// <param name="rand">As for <see cref="GetRowCursor"/>.</param>
    DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return [GetRowCursor(columnsNeeded, rand)];
    }
}
