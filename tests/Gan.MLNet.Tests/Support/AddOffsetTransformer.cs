using Gan.MLNet.Data;

namespace Gan.MLNet.Tests.Support;

/// <summary>A transform written outside the library on the public base class: output = input + offset (Single).</summary>
public sealed class AddOffsetTransformer(string outputColumnName, string inputColumnName, float offset)
    : OneToOneTransformerBase((outputColumnName, inputColumnName))
{
    protected override DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn) =>
        inputColumn.Type == NumberDataViewType.Single
            ? new DataViewSchema.DetachedColumn(ColumnPairs[pairIndex].outputColumnName, NumberDataViewType.Single)
            : throw new SchemaMismatchException(inputColumn.Name, "Single", inputColumn.Type.ToString());

    protected override Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn)
    {
        var getter = input.GetGetter<float>(inputColumn);
        return (ValueGetter<float>)((ref float value) =>
        {
            getter(ref value);
            value += offset;
        });
    }
}

/// <summary>Changes "Value" by +1000 only while a pipeline is fitted; at scoring it passes data through.</summary>
public sealed class TrainingOnlyOffsetTransformer : ITransformerWithDifferentMappingAtTrainingTime, IDisposable
{
    private readonly AddOffsetTransformer _offset = new("Value", "Value", 1000);

    public bool Disposed { get; private set; }
    public bool IsRowToRowMapper => false;
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;
    public IDataView Transform(IDataView input) => input;
    public IDataView TransformForTrainingPipeline(IDataView input) => _offset.Transform(input);
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => throw new InvalidOperationException();
    public void Dispose() => Disposed = true;
}

public sealed class TrainingOnlyOffsetEstimator() : TrivialEstimator<TrainingOnlyOffsetTransformer>(new TrainingOnlyOffsetTransformer())
{
    public TrainingOnlyOffsetTransformer Created => Transformer;
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
}

/// <summary>An estimator whose Fit fails, to check that a chain disposes what it already fitted.</summary>
public sealed class FailingEstimator : IEstimator<ITransformer>
{
    public ITransformer Fit(IDataView input) => throw new InvalidOperationException("fit failed");
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
}
