using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Estimator of <see cref="VectorToImageConvertingTransformer"/> (<c>mlContext.Transforms.ConvertToImage</c>).</summary>
public sealed class VectorToImageConvertingEstimator : TrivialEstimator<VectorToImageConvertingTransformer>
{
    internal VectorToImageConvertingEstimator(ColumnOptions options) : base(new VectorToImageConvertingTransformer(options)) { }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ImageColumnTypes.MapShape(inputSchema, Transformer.ColumnPairs, Transformer);

    /// <summary>
    /// The settings of ConvertToImage (ML.NET's names; the defaults invert ExtractPixels's, see
    /// <see cref="VectorToImageConvertingTransformer"/> for the deliberate deviation in the formula).
    /// </summary>
    public sealed record ColumnOptions
    {
        /// <summary>The image column to produce.</summary>
        public required string Name { get; init; }

        /// <summary>The vector column; null or empty means <see cref="Name"/>.</summary>
        public string? InputColumnName
        {
            get => string.IsNullOrEmpty(field) ? Name : field;
            init;
        }

        /// <summary>The image height.</summary>
        public required int ImageHeight { get; init; }

        /// <summary>The image width.</summary>
        public required int ImageWidth { get; init; }

        /// <summary>The channels the vector holds.</summary>
        public ColorBits ColorsPresent { get; init; } = ColorBits.Rgb;

        /// <summary>The order of the channels.</summary>
        public ColorsOrder OrderOfColors { get; init; } = ColorsOrder.ARGB;

        /// <summary>[height, width, channels] when true, [channels, height, width] when false.</summary>
        public bool InterleavedColors { get; init; }

        /// <summary>Each value is divided by this (the inverse of ExtractPixels's scale).</summary>
        public float ScaleImage { get; init; } = 1f;

        /// <summary>Added after dividing (the inverse of ExtractPixels's offset).</summary>
        public float OffsetImage { get; init; }

        /// <summary>The alpha of every pixel when the vector has no alpha channel (0–255).</summary>
        public int DefaultAlpha { get; init; } = 255;

        /// <summary>The red level when the vector has no red channel.</summary>
        public int DefaultRed { get; init; }

        /// <summary>The green level when the vector has no green channel.</summary>
        public int DefaultGreen { get; init; }

        /// <summary>The blue level when the vector has no blue channel.</summary>
        public int DefaultBlue { get; init; }
    }
}
