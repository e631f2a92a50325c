using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Estimator of <see cref="ImagePixelExtractingTransformer"/> (<c>mlContext.Transforms.ExtractPixels</c>).</summary>
public sealed class ImagePixelExtractingEstimator : TrivialEstimator<ImagePixelExtractingTransformer>
{
    internal ImagePixelExtractingEstimator(ColumnOptions options) : base(new ImagePixelExtractingTransformer(options)) { }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ImageColumnTypes.MapShape(inputSchema, Transformer.ColumnPairs, Transformer);

    /// <summary>The settings of ExtractPixels (ML.NET's names and defaults).</summary>
    public sealed record ColumnOptions
    {
        /// <summary>The vector column to produce.</summary>
        public required string Name { get; init; }

        /// <summary>The image column; null or empty means <see cref="Name"/>.</summary>
        public string? InputColumnName
        {
            get => string.IsNullOrEmpty(field) ? Name : field;
            init;
        }

        /// <summary>The channels to extract.</summary>
        public ColorBits ColorsToExtract { get; init; } = ColorBits.Rgb;

        /// <summary>The order of the channels.</summary>
        public ColorsOrder OrderOfExtraction { get; init; } = ColorsOrder.ARGB;

        /// <summary>[height, width, channels] when true, [channels, height, width] when false.</summary>
        public bool InterleavePixelColors { get; init; }

        /// <summary>Subtracted from each pixel before scaling.</summary>
        public float OffsetImage { get; init; }

        /// <summary>Multiplies each pixel after the offset.</summary>
        public float ScaleImage { get; init; } = 1f;

        /// <summary>Must be true: this layer has no Byte column type.</summary>
        public bool OutputAsFloatArray { get; init; } = true;
    }
}
