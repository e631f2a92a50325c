namespace Gan.MLNet.Data;

/// <summary>Row-to-row mappers applied in sequence, activating at each stage only what the later stages need.</summary>
internal sealed class CompositeRowToRowMapper(DataViewSchema inputSchema, IReadOnlyList<IRowToRowMapper> mappers) : IRowToRowMapper
{
    public DataViewSchema InputSchema => inputSchema;

    public DataViewSchema OutputSchema => mappers.Count == 0 ? inputSchema : mappers[^1].OutputSchema;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var columns = dependingColumns.ToArray();
        for (int i = mappers.Count - 1; i >= 0; i--)
            columns = mappers[i].GetDependencies(columns).ToArray();
        return columns;
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        // Walk back to find each stage's active outputs, then build the rows forward.
        var activePerStage = new DataViewSchema.Column[mappers.Count][];
        var columns = activeColumns.ToArray();
        for (int i = mappers.Count - 1; i >= 0; i--)
        {
            activePerStage[i] = columns;
            columns = mappers[i].GetDependencies(columns).ToArray();
        }
        var rows = new List<DataViewRow>();
        var row = input;
        for (int i = 0; i < mappers.Count; i++)
        {
            row = mappers[i].GetRow(row, activePerStage[i]);
            rows.Add(row);
        }
        return mappers.Count == 0 ? new PassThroughRow(input, activeColumns) : new OwningRow(row, rows);
    }

    /// <summary>The last stage's row, which on disposal disposes every intermediate row.</summary>
    private sealed class OwningRow(DataViewRow last, List<DataViewRow> owned) : DataViewRow
    {
        public override long Position => last.Position;
        public override long Batch => last.Batch;
        public override DataViewSchema Schema => last.Schema;
        public override ValueGetter<DataViewRowId> GetIdGetter() => last.GetIdGetter();
        public override bool IsColumnActive(DataViewSchema.Column column) => last.IsColumnActive(column);
        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => last.GetGetter<TValue>(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                owned.ForEach(r => r.Dispose());
        }
    }

    /// <summary>An empty chain's row: the input itself, limited to the requested columns.</summary>
    private sealed class PassThroughRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
        : InputBackedRow(input, ColumnSet.From(input.Schema, activeColumns))
    {
        public override DataViewSchema Schema => Input.Schema;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetterRequest<TValue>(column);
            return Input.GetGetter<TValue>(column);
        }
    }
}
