using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Output column i is input column <c>kept[i]</c>; other input columns are never activated.</summary>
internal sealed class ColumnSelectingRowMapper : IRowToRowMapper
{
    private readonly int[] _kept;

    public ColumnSelectingRowMapper(DataViewSchema inputSchema, int[] kept)
    {
        InputSchema = inputSchema;
        _kept = kept;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(kept.Select(i => inputSchema[i]));
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        ColumnSet.From(OutputSchema, dependingColumns).Indices.Select(i => InputSchema[_kept[i]]).ToArray();

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new Row(this, input, ColumnSet.From(OutputSchema, activeColumns));

    private sealed class Row(ColumnSelectingRowMapper owner, DataViewRow input, ColumnSet active) : InputBackedRow(input, active)
    {
        public override DataViewSchema Schema => owner.OutputSchema;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetterRequest<TValue>(column);
            return Input.GetGetter<TValue>(owner.InputSchema[owner._kept[column.Index]]);
        }
    }
}
