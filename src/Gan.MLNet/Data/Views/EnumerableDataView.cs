namespace Gan.MLNet.Data;

/// <summary>
/// A view over a sequence of objects, read lazily: each cursor enumerates the sequence afresh and holds only the
/// current object, so a generated sequence of any length streams in constant memory. The row count is known only
/// when the sequence is a collection.
/// </summary>
internal sealed class EnumerableDataView<TRow> : IDataView where TRow : class
{
    private readonly IEnumerable<TRow> _rows;
    private readonly PocoColumnBinding<TRow>[] _bindings;

    public EnumerableDataView(IEnumerable<TRow> rows, SchemaDefinition definition)
    {
        _rows = rows;
        var members = SchemaDefinition.ColumnMembers(typeof(TRow), SchemaDefinition.Direction.Read).ToDictionary(m => m.Name);
        _bindings = definition.Select(column =>
        {
            if (!members.TryGetValue(column.MemberName, out var member))
                throw new ArgumentOutOfRangeException(nameof(definition), $"Schema definition names member '{column.MemberName}', which '{typeof(TRow).Name}' does not have as a readable public field or property.");
            return PocoColumnBinding<TRow>.Create(member, column.ColumnName, column.ColumnType);
        }).ToArray();
        Schema = DataViewSchema.Create(_bindings.Select(b => new DataViewSchema.DetachedColumn(b.ColumnName, b.ColumnType)));
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows switch
    {
        ICollection<TRow> collection => collection.Count,
        IReadOnlyCollection<TRow> collection => collection.Count,
        _ => null,
    };

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, ColumnSet.From(Schema, columnsNeeded));

    private sealed class Cursor(EnumerableDataView<TRow> owner, ColumnSet active) : DataViewRowCursor
    {
        private readonly IEnumerator<TRow> _enumerator = owner._rows.GetEnumerator();
        private TRow? _current;
        private long _position = -1;

        public override DataViewSchema Schema => owner.Schema;

        public override long Position => _position < 0 ? -1 : _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position < -1 || !_enumerator.MoveNext())
            {
                _current = null;
                _position = -2;
                return false;
            }
            _current = _enumerator.Current ?? throw new InvalidOperationException($"The sequence of {typeof(TRow).Name} has a null element at row {_position + 1}.");
            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = DataViewRowId.FromPosition(CurrentPosition());

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetterRequest<TValue>(column);
            return (ValueGetter<TValue>)owner._bindings[column.Index].CreateGetter(CurrentRow, CurrentPosition);
        }

        private TRow CurrentRow() => _current ?? throw new InvalidOperationException("The cursor is not on a row; call MoveNext first.");

        private long CurrentPosition() => _position >= 0 ? _position : throw new InvalidOperationException("The cursor is not on a row; call MoveNext first.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _enumerator.Dispose();
        }
    }
}
