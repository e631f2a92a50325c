namespace Gan.MLNet.Tests.Support;

/// <summary>Wraps a view and counts, per column, how many getters were created and how many values were read.</summary>
public sealed class CountingDataView(IDataView inner) : IDataView
{
    private readonly int[] _gettersCreated = new int[inner.Schema.Count];
    private readonly long[] _valuesRead = new long[inner.Schema.Count];

    public bool CanShuffle => inner.CanShuffle;

    public DataViewSchema Schema => inner.Schema;

    public long? GetRowCount() => inner.GetRowCount();

    public int GettersCreated(string column) => _gettersCreated[Schema[column].Index];

    public long ValuesRead(string column) => _valuesRead[Schema[column].Index];

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, inner.GetRowCursor(columnsNeeded, rand));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(CountingDataView owner, DataViewRowCursor input) : DataViewRowCursor
    {
        public override DataViewSchema Schema => input.Schema;
        public override long Position => input.Position;
        public override long Batch => input.Batch;
        public override bool MoveNext() => input.MoveNext();
        public override bool IsColumnActive(DataViewSchema.Column column) => input.IsColumnActive(column);
        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var getter = input.GetGetter<TValue>(column);
            owner._gettersCreated[column.Index]++;
            return (ref TValue value) =>
            {
                owner._valuesRead[column.Index]++;
                getter(ref value);
            };
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) input.Dispose();
            base.Dispose(disposing);
        }
    }
}
