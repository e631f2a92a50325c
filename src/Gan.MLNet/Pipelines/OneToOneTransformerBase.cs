namespace Gan.MLNet.Data;

/// <summary>
/// Base of transformers that compute each output column from one input column (MapValueToKey, CopyColumns, ...):
/// implement <see cref="GetOutputColumn"/> (check the input type, describe the output) and <see cref="CreateGetter"/>.
/// </summary>
public abstract class OneToOneTransformerBase : RowToRowTransformerBase
{
    private readonly (string outputColumnName, string inputColumnName)[] _columnPairs;

    /// <summary>Creates the transformer for the given column pairs.</summary>
    /// <param name="columns">Output and input column names; an output may reuse its input's name.</param>
    protected OneToOneTransformerBase(params (string outputColumnName, string inputColumnName)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
            throw new ArgumentException("At least one column pair is needed.", nameof(columns));
        foreach (var (output, input) in columns)
        {
            ArgumentException.ThrowIfNullOrEmpty(output, nameof(columns));
            ArgumentException.ThrowIfNullOrEmpty(input, nameof(columns));
        }
        var duplicate = columns.GroupBy(c => c.outputColumnName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Output column '{duplicate.Key}' is produced twice.", nameof(columns));
        _columnPairs = [.. columns];
    }

    /// <summary>The output and input column names, in order.</summary>
    public IReadOnlyList<(string outputColumnName, string inputColumnName)> ColumnPairs => _columnPairs;

    /// <summary>Describes output column <paramref name="pairIndex"/>, after checking <paramref name="inputColumn"/>'s type.</summary>
    /// <param name="pairIndex">Index into <see cref="ColumnPairs"/>.</param>
    /// <param name="inputColumn">The input column.</param>
    /// <exception cref="SchemaMismatchException">The input column has a type the transformer cannot use.</exception>
    protected abstract DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn);

    /// <summary>A <see cref="ValueGetter{TValue}"/> of output column <paramref name="pairIndex"/>, reading <paramref name="inputColumn"/> of <paramref name="input"/>.</summary>
    /// <param name="input">The input row; <paramref name="inputColumn"/> is active.</param>
    /// <param name="pairIndex">Index into <see cref="ColumnPairs"/>.</param>
    /// <param name="inputColumn">The input column.</param>
    protected abstract Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn);

    /// <inheritdoc />
    protected sealed override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    private sealed class Mapper : ColumnMapperBase
    {
        private readonly OneToOneTransformerBase _owner;
        private readonly DataViewSchema.Column[] _inputs;

        public Mapper(OneToOneTransformerBase owner, DataViewSchema inputSchema) : base(inputSchema)
        {
            _owner = owner;
            _inputs = owner._columnPairs.Select(p => inputSchema[p.inputColumnName]).ToArray();
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> GetOutputColumns() =>
            _inputs.Select((input, i) =>
            {
                var described = _owner.GetOutputColumn(i, input);
                return new DataViewSchema.DetachedColumn(_owner._columnPairs[i].outputColumnName, described.Type, described.Annotations);
            }).ToArray();

        public override IEnumerable<DataViewSchema.Column> GetDependencies(int outputIndex) => [_inputs[outputIndex]];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex) => _owner.CreateGetter(input, outputIndex, _inputs[outputIndex]);
    }
}
