namespace Gan.MLNet.Data;

/// <summary>
/// A row computed from one input row: position, batch and row id are the input's, and the active columns are a
/// fixed set. Subclasses say what the schema is and where each column's values come from.
/// </summary>
internal abstract class InputBackedRow(DataViewRow input, ColumnSet active) : DataViewRow
{
    protected DataViewRow Input => input;

    public sealed override long Position => input.Position;

    public sealed override long Batch => input.Batch;

    public sealed override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

    public sealed override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);
}
