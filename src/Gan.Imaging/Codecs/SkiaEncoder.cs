using SkiaSharp;

namespace Gan.Imaging.Codecs;

/// <summary>
/// Encodes PNG, JPEG and WebP with Skia (SkiaSharp). PNG tries every row filter (libpng's adaptive choice); JPEG
/// subsamples chroma 4:2:0 and Skia optimises its Huffman tables; gray stays gray in PNG and JPEG.
/// </summary>
internal static class SkiaEncoder
{
    // How hard lossless WebP works for smaller files: libwebp's own default for its lossless encoder, which OpenCV used.
    private const float LosslessWebPEffort = 70;

    public static byte[] Encode(Image image, ImageFormat format, ImageEncodeOptions options)
    {
        using var encoded = SkiaPixels.Read(image, alpha: format.StoresAlpha(), pixmap => format switch
        {
            ImageFormat.Png => pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, options.PngCompressionLevel)),
            ImageFormat.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(options.Quality, SKJpegEncoderDownsample.Downsample420,
                SKJpegEncoderAlphaOption.Ignore)),
            _ => pixmap.Encode(options.WebPLossless
                ? new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, LosslessWebPEffort)
                : new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, options.Quality)),
        });
        return encoded?.ToArray() ?? throw new ImageFormatException(ImageFormatError.Unsupported,
            $"Skia could not encode the {image.Width}x{image.Height} {image.Format} image as {format}");
    }
}
