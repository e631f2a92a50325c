using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gan.MLNet.DataViews;

/// <summary>A lazy view of <paramref name="source"/> through a row-to-row mapper: cursors read only the source columns the requested ones depend on.</summary>
internal sealed class MappedDataView(IDataView source, IRowToRowMapper mapper) : IDataView
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
            return (DataViewRowCursor)mapper.GetRow(input, needed);
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
