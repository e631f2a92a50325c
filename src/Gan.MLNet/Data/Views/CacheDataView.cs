namespace Gan.MLNet.Data;

/// <summary>
/// Reads its source once, on the first cursor, and keeps every row in memory; later cursors (and shuffled cursors,
/// which it supports) are served from memory.
/// </summary>
internal sealed class CacheDataView(IDataView source) : IDataView
{
    private readonly Lock _fillLock = new();
    private ColumnSlots[]? _columns;
    private DataViewRowId[] _ids = [];
    private int _rowCount;

    public bool CanShuffle => true;

    public DataViewSchema Schema => source.Schema;

    public long? GetRowCount() => Volatile.Read(ref _columns) is null ? source.GetRowCount() : _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var columns = Fill();
        var order = Enumerable.Range(0, _rowCount).ToArray();
        if (rand is not null)
            rand.Shuffle(order);
        return new Cursor(this, columns, ColumnSet.From(Schema, columnsNeeded), order);
    }

    private ColumnSlots[] Fill()
    {
        lock (_fillLock)
        {
            if (_columns is not null)
                return _columns;
            var columns = Schema.Select(ColumnSlots.Create).ToArray();
            var ids = new List<DataViewRowId>();
            using (var cursor = source.GetRowCursorForAllColumns())
            {
                var writers = columns.Select(c => c.BindWriter(cursor)).ToArray();
                var idGetter = cursor.GetIdGetter();
                DataViewRowId id = default;
                while (cursor.MoveNext())
                {
                    foreach (var write in writers)
                        write(ids.Count);
                    idGetter(ref id);
                    ids.Add(id);
                }
            }
            _ids = [.. ids];
            _rowCount = ids.Count;
            Volatile.Write(ref _columns, columns);
            return columns;
        }
    }

    private sealed class Cursor(CacheDataView owner, ColumnSlots[] columns, ColumnSet active, int[] order) : DataViewRowCursor
    {
        private int _index = -1;

        public override DataViewSchema Schema => owner.Schema;

        public override long Position => _index >= 0 && _index < order.Length ? _index : -1;

        public override long Batch => 0;

        private int CurrentSlot => order[_index];

        public override bool MoveNext()
        {
            if (_index >= order.Length)
                return false;
            _index++;
            return _index < order.Length;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = owner._ids[CurrentSlot];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetterRequest<TValue>(column);
            return (ValueGetter<TValue>)columns[column.Index].CreateReader(() => CurrentSlot);
        }
    }
}
