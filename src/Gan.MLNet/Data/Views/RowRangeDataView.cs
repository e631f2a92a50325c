namespace Gan.MLNet.Data;

/// <summary>Skips the first <c>skip</c> rows of a source and then shows at most <c>take</c> rows, stopping the source early.</summary>
internal sealed class RowRangeDataView(IDataView source, long skip, long take) : IDataView
{
    public bool CanShuffle => false;

    public DataViewSchema Schema => source.Schema;

    public long? GetRowCount()
    {
        long? count = source.GetRowCount();
        return count is null ? null : Math.Clamp(count.Value - skip, 0, take);
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        return new Cursor(source.GetRowCursor(needed), needed, skip, take);
    }

    private sealed class Cursor(DataViewRowCursor input, IEnumerable<DataViewSchema.Column> columnsNeeded, long skip, long take)
        : PassThroughCursor(input, columnsNeeded)
    {
        private long _skipped;
        private long _taken;

        protected override bool MoveInputToNextShownRow()
        {
            for (; _skipped < skip; _skipped++)
            {
                if (!Input.MoveNext())
                    return false;
            }
            if (_taken >= take || !Input.MoveNext())
                return false;
            _taken++;
            return true;
        }
    }
}
