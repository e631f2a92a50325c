using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Estimator of <see cref="ImageResizingTransformer"/> (<c>mlContext.Transforms.ResizeImages</c>).</summary>
public sealed class ImageResizingEstimator : TrivialEstimator<ImageResizingTransformer>
{
    internal ImageResizingEstimator(ColumnOptions options) : base(new ImageResizingTransformer(options)) { }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ImageColumnTypes.MapShape(inputSchema, Transformer.ColumnPairs, Transformer);

    /// <summary>The settings of ResizeImages (ML.NET's names and defaults).</summary>
    public sealed record ColumnOptions
    {
        /// <summary>The resized image column.</summary>
        public required string Name { get; init; }

        /// <summary>The image column; null or empty means <see cref="Name"/>.</summary>
        public string? InputColumnName
        {
            get => string.IsNullOrEmpty(field) ? Name : field;
            init;
        }

        /// <summary>The target width.</summary>
        public required int ImageWidth { get; init; }

        /// <summary>The target height.</summary>
        public required int ImageHeight { get; init; }

        /// <summary>How the aspect ratio is handled.</summary>
        public ResizingKind Resizing { get; init; } = ResizingKind.IsoCrop;

        /// <summary>Where to crop (IsoCrop) or place the image (IsoPad).</summary>
        public Anchor Anchor { get; init; } = Anchor.Center;
    }
}
