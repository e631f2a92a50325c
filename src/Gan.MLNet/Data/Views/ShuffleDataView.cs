namespace Gan.MLNet.Data;

/// <summary>
/// Shuffles a stream with a bounded pool: the first <c>poolSize</c> rows fill the pool; each further row replaces a
/// randomly chosen pooled row, which is emitted; at the end the pool is emitted in random order. Every source row is
/// emitted exactly once, and memory holds at most <c>poolSize</c> rows whatever the length of the source.
/// </summary>
internal sealed class ShuffleDataView(IDataView source, int seed, int poolSize, bool shuffleSource) : IDataView
{
    public bool CanShuffle => true;

    public DataViewSchema Schema => source.Schema;

    public long? GetRowCount() => source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = ColumnSet.From(Schema, columnsNeeded);
        var random = rand ?? new Random(seed);
        var sourceRandom = shuffleSource && source.CanShuffle ? new Random(random.Next()) : null;
        var input = source.GetRowCursor(active.Indices.Select(i => Schema[i]), sourceRandom);
        return new Cursor(input, active, random, poolSize);
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly DataViewRowCursor _input;
        private readonly ColumnSet _active;
        private readonly Random _random;
        private readonly ColumnSlots?[] _slots;
        private readonly Action<int>[] _writers;
        private readonly ValueGetter<DataViewRowId> _inputId;
        private readonly DataViewRowId[] _ids;
        // Slot _poolSize is scratch: an incoming row is written there, then swapped into the pool.
        private readonly int[] _slotOfPoolEntry;
        private readonly int _poolSize;
        private int _pooled;
        private bool _inputDone;
        private int _current = -1;
        private long _position = -1;

        public Cursor(DataViewRowCursor input, ColumnSet active, Random random, int poolSize)
        {
            _input = input;
            _active = active;
            _random = random;
            _poolSize = poolSize;
            _slots = new ColumnSlots?[input.Schema.Count];
            foreach (int index in active.Indices)
                _slots[index] = ColumnSlots.Create(input.Schema[index]);
            _writers = active.Indices.Select(i => _slots[i]!.BindWriter(input)).ToArray();
            _inputId = input.GetIdGetter();
            _ids = new DataViewRowId[poolSize + 1];
            _slotOfPoolEntry = Enumerable.Range(0, poolSize + 1).ToArray();
        }

        public override DataViewSchema Schema => _input.Schema;

        public override long Position => _current < 0 ? -1 : _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            while (!_inputDone && _pooled < _poolSize)
            {
                if (!ReadInto(_pooled))
                    break;
                _pooled++;
            }
            if (!_inputDone && ReadInto(_poolSize))
            {
                // Emit a random pooled row; the incoming row takes its place.
                int pick = _random.Next(_pooled);
                (_slotOfPoolEntry[pick], _slotOfPoolEntry[_poolSize]) = (_slotOfPoolEntry[_poolSize], _slotOfPoolEntry[pick]);
                return Emit(_slotOfPoolEntry[_poolSize]);
            }
            if (_pooled == 0)
            {
                _current = -1;
                return false;
            }
            int last = _random.Next(_pooled);
            _pooled--;
            (_slotOfPoolEntry[last], _slotOfPoolEntry[_pooled]) = (_slotOfPoolEntry[_pooled], _slotOfPoolEntry[last]);
            return Emit(_slotOfPoolEntry[_pooled]);
        }

        private bool ReadInto(int poolEntry)
        {
            if (!_input.MoveNext())
            {
                _inputDone = true;
                return false;
            }
            int slot = _slotOfPoolEntry[poolEntry];
            foreach (var write in _writers)
                write(slot);
            _inputId(ref _ids[slot]);
            return true;
        }

        private bool Emit(int slot)
        {
            _current = slot;
            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = _ids[_current];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetterRequest<TValue>(column);
            return (ValueGetter<TValue>)_slots[column.Index]!.CreateReader(() => _current);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _input.Dispose();
        }
    }
}
