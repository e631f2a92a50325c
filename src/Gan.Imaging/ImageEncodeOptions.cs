namespace Gan.Imaging;

/// <summary>Quality settings of <see cref="Image.Encode"/> and <see cref="Image.Save"/>; each format reads its own.</summary>
public sealed record ImageEncodeOptions
{
    /// <summary>The defaults: JPEG/WebP quality 95, lossy WebP, PNG compression level 6.</summary>
    public static ImageEncodeOptions Default { get; } = new();

    /// <summary>JPEG and lossy WebP quality, 1 (smallest) to 100 (best).</summary>
    public int Quality { get; init; } = 95;

    /// <summary>Write WebP losslessly (<see cref="Quality"/> is then ignored).</summary>
    public bool WebPLossless { get; init; }

    /// <summary>zlib level of PNG, 0 (none, fastest) to 9 (smallest); the pixels are identical either way.</summary>
    public int PngCompressionLevel { get; init; } = 6;

    /// <summary>Checks the settings that <paramref name="format"/> reads.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting the format uses is out of range.</exception>
    internal void Validate(ImageFormat format)
    {
        if (format == ImageFormat.Png)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(PngCompressionLevel, 0, nameof(PngCompressionLevel));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(PngCompressionLevel, 9, nameof(PngCompressionLevel));
        }
        if (format == ImageFormat.Jpeg || (format == ImageFormat.WebP && !WebPLossless))
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(Quality, 1, nameof(Quality));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(Quality, 100, nameof(Quality));
        }
    }
}
