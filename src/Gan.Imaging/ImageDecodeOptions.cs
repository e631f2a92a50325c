namespace Gan.Imaging;

/// <summary>Limits and leniency of <see cref="Image.Decode"/> and <see cref="Image.Load"/>.</summary>
public sealed record ImageDecodeOptions
{
    /// <summary>The default pixel limit: 100 megapixels (400 MB as RGBA).</summary>
    public const long DefaultMaxPixels = 100_000_000;

    /// <summary>The defaults: 100 megapixels, truncated files rejected.</summary>
    public static ImageDecodeOptions Default { get; } = new();

    /// <summary>
    /// Largest width × height accepted, checked against the header before decoding (<see cref="ImageTooLargeException"/>).
    /// </summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>
    /// Accept files that end early (JPEG without EOI, PNG without IEND, short BMP/WebP). Off by default: decoders fill
    /// the missing part with gray, and a training set must not silently take in half-gray pictures.
    /// </summary>
    public bool AllowTruncated { get; init; }
}
