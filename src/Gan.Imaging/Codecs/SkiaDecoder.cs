using SkiaSharp;

namespace Gan.Imaging.Codecs;

/// <summary>
/// Decodes PNG, JPEG, BMP and WebP with Skia (SkiaSharp), after <see cref="Image.Decode"/> has checked the header.
/// The pixel format follows the header's channels (<see cref="ImageHeader.Channels"/>), not what Skia would pick: Skia
/// decodes every colour image to four bytes per pixel, and a gray palette or a transparent gray level to colour.
/// </summary>
internal static class SkiaDecoder
{
    /// <summary>Decodes <paramref name="data"/> into the pixel format its header's channels call for.</summary>
    /// <param name="data">The file.</param>
    /// <param name="header">Its header, already checked.</param>
    /// <param name="partial">The file ends early and the caller accepts that: keep what decodes.</param>
    public static Image Decode(ReadOnlySpan<byte> data, ImageHeader header, bool partial)
    {
        using var encoded = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(encoded)
            ?? throw new ImageFormatException(ImageFormatError.Corrupt, $"corrupt {header.Format}: Skia could not read it");
        var size = codec.Info.Size;
        if (size.Width != header.Width || size.Height != header.Height) throw header.DecodedSizeMismatch(size.Width, size.Height);

        var format = PixelFormatOf(header);
        bool grayDecoder = codec.Info.ColorType == SKColorType.Gray8;
        // Gray levels that Skia decodes as colour (gray palettes, a transparent gray level) come back as gray exactly:
        // the luma of R = G = B is that level.
        var decodeAs = format == PixelFormat.Gray8 && !grayDecoder ? PixelFormat.Rgb24 : format;
        var pixels = new byte[Image.ByteCount(header.Width, header.Height, decodeAs)];
        var result = SkiaPixels.Write(pixels, header.Width, header.Height, decodeAs, alpha: true,
            pixmap => codec.GetPixels(pixmap.Info, pixmap.GetPixels()));
        Check(result, header.Format, partial);
        return Image.Wrap(header.Width, header.Height, decodeAs, pixels).ConvertTo(format);
    }

    // Channels as stored → our layout: gray, gray+alpha and colour+alpha as documented on ImageHeader.Channels; the
    // fourth JPEG component is CMYK's black, not alpha.
    private static PixelFormat PixelFormatOf(ImageHeader header) => header.Channels switch
    {
        1 => PixelFormat.Gray8,
        4 when header.Format != ImageFormat.Jpeg => PixelFormat.Rgba32,
        2 => PixelFormat.Rgba32,
        _ => PixelFormat.Rgb24,
    };

    private static void Check(SKCodecResult result, ImageFormat format, bool partial)
    {
        switch (result)
        {
            case SKCodecResult.Success:
            case SKCodecResult.IncompleteInput when partial:
                return;
            // In a file whose structure is whole, running out of image data means the data is damaged.
            case SKCodecResult.IncompleteInput:
            case SKCodecResult.ErrorInInput:
            case SKCodecResult.InvalidInput:
                throw new ImageFormatException(ImageFormatError.Corrupt,
                    $"corrupt {format}: the image data is damaged (Skia: {result})");
            default:
                throw new ImageFormatException(ImageFormatError.Unsupported,
                    $"Skia could not decode this {format} (Skia: {result})");
        }
    }
}
