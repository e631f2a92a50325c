namespace Gan.MLNet.Data;

/// <summary>Turns a row that follows an input cursor (from <see cref="IRowToRowMapper.GetRow"/>) into a cursor; disposing it disposes both.</summary>
internal sealed class RowCursorAdapter(DataViewRowCursor input, DataViewRow row) : DataViewRowCursor
{
    public override DataViewSchema Schema => row.Schema;

    public override long Position => input.Position;

    public override long Batch => input.Batch;

    public override bool MoveNext() => input.MoveNext();

    public override bool IsColumnActive(DataViewSchema.Column column) => row.IsColumnActive(column);

    public override ValueGetter<DataViewRowId> GetIdGetter() => row.GetIdGetter();

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => row.GetGetter<TValue>(column);

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        row.Dispose();
        input.Dispose();
    }
}
