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
    /// Accept files that end early (JPEG without EOI, PNG without IEND, short BMP/WebP): what was decoded is kept and
    /// the missing rows are zero (black, transparent with alpha). Off by default: a training set must not silently take
    /// in half-black pictures. Complete files with damaged image data are refused either way, and TIFFs whose strips
    /// are cut off cannot be decoded.
    /// </summary>
    public bool AllowTruncated { get; init; }
}
