using System.Diagnostics.CodeAnalysis;
using Gan.Imaging.Codecs;

namespace Gan.Imaging;

/// <summary>
/// What an image file's header declares, read without decoding any pixels: enough to refuse decompression bombs and
/// to plan memory before decoding.
/// </summary>
/// <param name="Format">The file format, from its signature (the file extension is not consulted).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Channels">
/// Channels as stored: 1 gray, 2 gray+alpha, 3 colour, 4 colour+alpha (palette PNGs count 3, or 4 with a tRNS
/// transparency chunk; indexed BMPs whose palette is all gray count 1; CMYK JPEGs and TIFFs count 4).
/// <see cref="Image.Decode"/> always yields Gray8, Rgb24 or Rgba32: gray+alpha becomes Rgba32, CMYK Rgb24.
/// </param>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height, int Channels)
{
    /// <summary>Width × height.</summary>
    public long PixelCount => (long)Width * Height;

    /// <summary>Reads the header of an image in memory.</summary>
    /// <exception cref="ImageFormatException">Empty, unrecognized, cut-off or invalid header.</exception>
    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        var error = Parse(data, out var header, out var reason);
        return header ?? throw new ImageFormatException(error!.Value, reason);
    }

    /// <summary>Like <see cref="Read"/>, returning false instead of throwing.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, [NotNullWhen(true)] out ImageHeader? header)
    {
        Parse(data, out header, out _);
        return header is not null;
    }

    /// <summary>The format whose signature starts <paramref name="data"/>, or null.</summary>
    public static ImageFormat? DetectFormat(ReadOnlySpan<byte> data) =>
        PngStructure.HasSignature(data) ? ImageFormat.Png
        : JpegStructure.HasSignature(data) ? ImageFormat.Jpeg
        : BmpStructure.HasSignature(data) ? ImageFormat.Bmp
        : WebPStructure.HasSignature(data) ? ImageFormat.WebP
        : TiffStructure.HasSignature(data) ? ImageFormat.Tiff
        : null;

    /// <summary>
    /// Whether <paramref name="data"/> is a whole image file: its header parses and its structure runs to the declared
    /// end (see <see cref="Image.Decode"/>'s truncation check). Reads chunk and segment headers only, never pixels, so
    /// it is a cheap test of files written by others or cut off by a crash.
    /// </summary>
    public static bool IsCompleteFile(ReadOnlySpan<byte> data) =>
        Parse(data, out var header, out _) is null && IsComplete(header!.Format, data);

    /// <summary>Parses the header: null on success, else the error, with header null and the reason set.</summary>
    internal static ImageFormatError? Parse(ReadOnlySpan<byte> data, out ImageHeader? header, out string reason)
    {
        header = null;
        if (data.IsEmpty)
        {
            reason = "the file is empty (0 bytes)";
            return ImageFormatError.Empty;
        }
        var format = DetectFormat(data);
        if (format is null)
        {
            reason = "not an image: the bytes start with no PNG, JPEG, BMP, WebP or TIFF signature";
            return ImageFormatError.Unrecognized;
        }
        var result = format.Value switch
        {
            ImageFormat.Png => PngStructure.ReadHeader(data),
            ImageFormat.Jpeg => JpegStructure.ReadHeader(data),
            ImageFormat.Bmp => BmpStructure.ReadHeader(data),
            ImageFormat.WebP => WebPStructure.ReadHeader(data),
            _ => TiffStructure.ReadHeader(data),
        };
        if (result.Error is { } error)
        {
            reason = $"{format.Value} header: {result.Reason}";
            return error;
        }
        var (width, height, channels) = result.Size;
        if (width <= 0 || height <= 0)
        {
            reason = $"{format.Value} header declares an empty size {width}x{height}";
            return ImageFormatError.Corrupt;
        }
        header = new ImageHeader(format.Value, width, height, channels);
        reason = "";
        return null;
    }

    /// <summary>The error for a decoder whose image size differs from the header's.</summary>
    internal ImageFormatException DecodedSizeMismatch(int width, int height) => new(ImageFormatError.Corrupt,
        $"the {Format} header declares {Width}x{Height} but the decoder found {width}x{height}");

    /// <summary>
    /// Whether the file reaches its declared end (PNG IEND, JPEG EOI, BMP pixel array, WebP RIFF size, the strips
    /// or tiles of a TIFF's first page). Cheap: walks chunk, segment and directory headers, never pixels. Only called
    /// after a successful <see cref="Parse"/>, which validated the fixed header fields it reads.
    /// </summary>
    internal static bool IsComplete(ImageFormat format, ReadOnlySpan<byte> data) => format switch
    {
        ImageFormat.Png => PngStructure.IsComplete(data),
        ImageFormat.Jpeg => JpegStructure.IsComplete(data),
        ImageFormat.Bmp => BmpStructure.IsComplete(data),
        ImageFormat.WebP => WebPStructure.IsComplete(data),
        _ => TiffStructure.IsComplete(data),
    };
}
