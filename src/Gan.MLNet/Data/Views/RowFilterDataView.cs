namespace Gan.MLNet.Data;

/// <summary>
/// Shows the rows of a source for which a predicate holds. The predicate is created per cursor (so it may keep
/// state, such as counts) and may read <c>predicateColumns</c>, which are activated in the source cursor even when
/// the caller did not ask for them.
/// </summary>
internal sealed class RowFilterDataView(
    IDataView source,
    IReadOnlyList<DataViewSchema.Column> predicateColumns,
    Func<DataViewRow, Func<bool>> createPredicate,
    bool keepsSourceOrder) : IDataView
{
    /// <summary>Shuffling is passed to the source unless the predicate depends on row order (<c>keepsSourceOrder</c>).</summary>
    public bool CanShuffle => !keepsSourceOrder && source.CanShuffle;

    public DataViewSchema Schema => source.Schema;

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        var input = source.GetRowCursor(needed.Concat(predicateColumns).Distinct(), keepsSourceOrder ? null : rand);
        return new Cursor(input, needed, createPredicate(input));
    }

    private sealed class Cursor(DataViewRowCursor input, IEnumerable<DataViewSchema.Column> columnsNeeded, Func<bool> predicate)
        : PassThroughCursor(input, columnsNeeded)
    {
        protected override bool MoveInputToNextShownRow()
        {
            while (Input.MoveNext())
            {
                if (predicate())
                    return true;
            }
            return false;
        }
    }
}
