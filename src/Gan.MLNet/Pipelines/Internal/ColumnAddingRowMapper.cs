namespace Gan.MLNet.Data;

/// <summary>An <see cref="IRowToRowMapper"/> over a <see cref="ColumnMapperBase"/>: the input columns followed by the added ones.</summary>
internal sealed class ColumnAddingRowMapper : IRowToRowMapper
{
    private readonly ColumnMapperBase _mapper;
    private readonly int _inputCount;

    public ColumnAddingRowMapper(ColumnMapperBase mapper)
    {
        _mapper = mapper;
        _inputCount = mapper.InputSchema.Count;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(mapper.InputSchema);
        builder.AddColumns(mapper.GetOutputColumns());
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema InputSchema => _mapper.InputSchema;

    public DataViewSchema OutputSchema { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var active = ColumnSet.From(OutputSchema, dependingColumns);
        var needed = new HashSet<int>();
        foreach (int index in active.Indices)
        {
            if (index < _inputCount)
                needed.Add(index);
            else
                needed.UnionWith(_mapper.GetDependencies(index - _inputCount).Select(c => c.Index));
        }
        return needed.Order().Select(i => InputSchema[i]).ToArray();
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new Row(this, input, ColumnSet.From(OutputSchema, activeColumns));

    private sealed class Row(ColumnAddingRowMapper owner, DataViewRow input, ColumnSet active) : InputBackedRow(input, active)
    {
        public override DataViewSchema Schema => owner.OutputSchema;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetterRequest<TValue>(column);
            return column.Index < owner._inputCount
                ? Input.GetGetter<TValue>(owner.InputSchema[column.Index])
                : UntypedGetters.Cast<TValue>(owner._mapper.CreateGetter(Input, column.Index - owner._inputCount), column);
        }
    }
}
