namespace Gan.MLNet.Data;

/// <summary>
/// A cursor that reads its values from an input cursor over the same schema and decides itself which input rows to
/// show (filters, row ranges). The input may have more active columns than this cursor (those a filter reads).
/// </summary>
internal abstract class PassThroughCursor : DataViewRowCursor
{
    private readonly ColumnSet _active;
    private long _position = -1;
    private bool _ended;

    protected PassThroughCursor(DataViewRowCursor input, IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        Input = input;
        _active = ColumnSet.From(input.Schema, columnsNeeded);
    }

    protected DataViewRowCursor Input { get; }

    public override DataViewSchema Schema => Input.Schema;

    public override long Position => _ended ? -1 : _position;

    public override long Batch => 0;

    public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

    public override ValueGetter<DataViewRowId> GetIdGetter() => Input.GetIdGetter();

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        CheckGetterRequest<TValue>(column);
        return Input.GetGetter<TValue>(column);
    }

    public sealed override bool MoveNext()
    {
        if (_ended)
            return false;
        if (MoveInputToNextShownRow())
        {
            _position++;
            return true;
        }
        _ended = true;
        return false;
    }

    /// <summary>Moves <see cref="Input"/> to the next row this cursor shows; false at the end.</summary>
    protected abstract bool MoveInputToNextShownRow();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Input.Dispose();
    }
}
