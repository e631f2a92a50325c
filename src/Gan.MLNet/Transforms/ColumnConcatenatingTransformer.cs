using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Concatenates scalars and vectors of one item type into a vector column. The output has a known size when every
/// input does (scalars count 1), and is variable-sized otherwise.
/// </summary>
public sealed class ColumnConcatenatingTransformer : RowToRowTransformerBase
{
    internal ColumnConcatenatingTransformer(string outputColumnName, params string[] inputColumnNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        ArgumentNullException.ThrowIfNull(inputColumnNames);
        if (inputColumnNames.Length == 0)
            throw new ArgumentException("Concatenate needs at least one input column.", nameof(inputColumnNames));
        OutputColumnName = outputColumnName;
        InputColumnNames = [.. inputColumnNames];
    }

    /// <summary>The output column.</summary>
    public string OutputColumnName { get; }

    /// <summary>The input columns, in concatenation order.</summary>
    public IReadOnlyList<string> InputColumnNames { get; }

    /// <summary>The registry kind of saved Concatenate transformers.</summary>
    internal const string ModelKind = "Concatenate";

    /// <summary>Saves the output and input column names.</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        context.SetOption("outputColumnName", OutputColumnName);
        context.SetOption("inputColumnNames", InputColumnNames.ToArray());
    }

    /// <summary>Recreates a saved transformer.</summary>
    internal static ITransformer Load(ModelLoadContext context) =>
        new ColumnConcatenatingTransformer(context.GetOption<string>("outputColumnName"), context.GetOption<string[]>("inputColumnNames"));

    /// <inheritdoc />
    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <summary>The item type of a scalar or vector column, or null when the column is neither (for example an image).</summary>
    internal static PrimitiveDataViewType? ItemTypeOf(DataViewType type) => type switch
    {
        VectorDataViewType vector => vector.ItemType,
        PrimitiveDataViewType primitive => primitive,
        _ => null,
    };

    private sealed class Mapper : ColumnMapperBase
    {
        private readonly ColumnConcatenatingTransformer _owner;
        private readonly DataViewSchema.Column[] _inputs;
        private readonly PrimitiveDataViewType _itemType;

        public Mapper(ColumnConcatenatingTransformer owner, DataViewSchema inputSchema) : base(inputSchema)
        {
            _owner = owner;
            _inputs = owner.InputColumnNames.Select(name => inputSchema[name]).ToArray();
            var first = _inputs[0];
            _itemType = ItemTypeOf(first.Type) ?? throw new SchemaMismatchException(first.Name, "a scalar or vector of numbers, booleans, text or keys", first.Type.ToString());
            foreach (var input in _inputs.Skip(1))
            {
                if (!_itemType.Equals(ItemTypeOf(input.Type)))
                    throw new SchemaMismatchException(input.Name, $"{_itemType} or a vector of {_itemType} (the item type of '{first.Name}')", input.Type.ToString());
            }
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> GetOutputColumns()
        {
            var sizes = _inputs.Select(c => c.Type is VectorDataViewType vector ? vector.Size : 1).ToArray();
            int size = sizes.Contains(0) ? 0 : sizes.Sum();
            var type = size == 0 ? new VectorDataViewType(_itemType) : new VectorDataViewType(_itemType, size);
            return [new DataViewSchema.DetachedColumn(_owner.OutputColumnName, type)];
        }

        public override IEnumerable<DataViewSchema.Column> GetDependencies(int outputIndex) => _inputs;

        public override Delegate CreateGetter(DataViewRow input, int outputIndex) =>
            ((ConcatenatingGetter)Activator.CreateInstance(typeof(ConcatenatingGetter<>).MakeGenericType(_itemType.RawType))!).Create(input, _inputs);
    }
}
