using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Estimator of <see cref="ColumnCopyingTransformer"/> (<c>mlContext.Transforms.CopyColumns</c>).</summary>
public sealed class ColumnCopyingEstimator : TrivialEstimator<ColumnCopyingTransformer>
{
    internal ColumnCopyingEstimator(params (string outputColumnName, string inputColumnName)[] columns)
        : base(new ColumnCopyingTransformer(columns)) { }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var added = Transformer.ColumnPairs.Select(pair =>
        {
            var input = inputSchema.FindColumn(pair.inputColumnName);
            return new SchemaShape.Column(pair.outputColumnName, input.Kind, input.ItemType, input.IsKey, input.Annotations);
        }).ToArray();
        return new SchemaShape(inputSchema.Concat(added));
    }
}
