namespace Gan.MLNet.Data;

/// <summary>
/// The lazy output of a row-to-row transformer: each cursor opens a source cursor over just the dependencies of the
/// requested columns and maps its rows as they go by. Nothing is held beyond the current row.
/// </summary>
internal sealed class RowToRowMappedDataView(IDataView source, IRowToRowMapper mapper) : IDataView
{
    public bool CanShuffle => source.CanShuffle;

    public DataViewSchema Schema => mapper.OutputSchema;

    public long? GetRowCount() => source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        var input = source.GetRowCursor(mapper.GetDependencies(needed), rand);
        try
        {
            return new RowCursorAdapter(input, mapper.GetRow(input, needed));
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }
}
