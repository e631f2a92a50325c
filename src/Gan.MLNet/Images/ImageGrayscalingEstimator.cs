using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Estimator of <see cref="ImageGrayscalingTransformer"/> (<c>mlContext.Transforms.ConvertToGrayscale</c>).</summary>
public sealed class ImageGrayscalingEstimator : TrivialEstimator<ImageGrayscalingTransformer>
{
    internal ImageGrayscalingEstimator(params (string outputColumnName, string inputColumnName)[] columns)
        : base(new ImageGrayscalingTransformer(columns)) { }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ImageColumnTypes.MapShape(inputSchema, Transformer.ColumnPairs, Transformer);
}
