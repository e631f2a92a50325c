using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Estimator of <see cref="ImageLoadingTransformer"/> (<c>mlContext.Transforms.LoadImages</c>).</summary>
public sealed class ImageLoadingEstimator : TrivialEstimator<ImageLoadingTransformer>
{
    internal ImageLoadingEstimator(Options options) : base(new ImageLoadingTransformer(options)) { }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var input = inputSchema.FindColumn(Transformer.Settings.InputColumnName!);
        Transformer.CheckInput(input.Name, input.Kind == SchemaShape.Column.VectorKind.Scalar ? input.ItemType : new VectorDataViewType((PrimitiveDataViewType)input.ItemType));
        var added = Transformer.OutputShape().ToArray();
        return new SchemaShape(inputSchema.Where(c => !added.Any(a => a.Name == c.Name)).Concat(added));
    }

    /// <summary>The settings of LoadImages.</summary>
    public sealed record Options
    {
        /// <summary>The image column to produce.</summary>
        public required string OutputColumnName { get; init; }

        /// <summary>The text column of paths; null or empty means <see cref="OutputColumnName"/>.</summary>
        public string? InputColumnName
        {
            get => string.IsNullOrEmpty(field) ? OutputColumnName : field;
            init;
        }

        /// <summary>The folder paths are relative to; null or empty uses the paths as they are.</summary>
        public string? ImageFolder { get; init; }

        /// <summary>What a missing or undecodable file does.</summary>
        public ImageLoadErrorHandling ErrorHandling { get; init; } = ImageLoadErrorHandling.Throw;

        /// <summary>The text column of error messages in <see cref="ImageLoadErrorHandling.ErrorColumn"/> mode; defaults to the image column's name followed by "Error".</summary>
        public string ErrorColumnName
        {
            get => string.IsNullOrEmpty(field) ? OutputColumnName + "Error" : field;
            init;
        }
    }
}
