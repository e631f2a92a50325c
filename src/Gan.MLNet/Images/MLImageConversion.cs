using Gan.Imaging;
using Microsoft.ML.Data;

namespace Gan.MLNet;

/// <summary>Converts between ML.NET's <see cref="MLImage"/> and Gan.Imaging's <see cref="Image"/>.</summary>
/// <remarks>
/// MLImage holds 32-bit BGRA or RGBA with alpha premultiplied (as SkiaSharp keeps it); Image holds 1, 3 or 4 channels
/// with straight alpha. An MLImage whose pixels are all opaque gray becomes Gray8 and an opaque one Rgb24, so photos
/// loaded by LoadImages are upscaled and learned as the same files read by <c>gan upscale</c> are.
/// </remarks>
public static class MLImageConversion
{
    /// <summary>A copy of the pixels of <paramref name="image"/>, which is neither disposed nor kept.</summary>
    /// <param name="image">The image.</param>
    /// <exception cref="ArgumentException">The image's pixel format is neither BGRA nor RGBA.</exception>
    public static Image ToImage(this MLImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var source = image.Pixels;
        int red, blue;
        switch (image.PixelFormat)
        {
            case MLPixelFormat.Bgra32: (red, blue) = (2, 0); break;
            case MLPixelFormat.Rgba32: (red, blue) = (0, 2); break;
            default: throw new ArgumentException($"MLImage pixel format {image.PixelFormat} is not BGRA or RGBA", nameof(image));
        }
        int count = image.Width * image.Height;
        bool opaque = true, gray = true;
        for (int p = 0; p < count && (opaque || gray); p++)
        {
            var pixel = source.Slice(p * 4, 4);
            opaque &= pixel[3] == 255;
            gray &= pixel[0] == pixel[1] && pixel[1] == pixel[2];
        }
        var format = !opaque ? PixelFormat.Rgba32 : gray ? PixelFormat.Gray8 : PixelFormat.Rgb24;
        int channels = format.ChannelCount();
        var pixels = new byte[count * channels];
        for (int p = 0; p < count; p++)
        {
            var pixel = source.Slice(p * 4, 4);
            var target = pixels.AsSpan(p * channels, channels);
            if (format == PixelFormat.Gray8)
            {
                target[0] = pixel[1];
                continue;
            }
            byte alpha = pixel[3];
            target[0] = Unpremultiply(pixel[red], alpha);
            target[1] = Unpremultiply(pixel[1], alpha);
            target[2] = Unpremultiply(pixel[blue], alpha);
            if (channels == 4) target[3] = alpha;
        }
        return Image.FromPixels(image.Width, image.Height, format, pixels);
    }

    /// <summary>A new MLImage (BGRA, premultiplied) holding <paramref name="image"/>; the caller owns (disposes) it.</summary>
    /// <param name="image">The image.</param>
    public static MLImage ToMLImage(this Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var source = image.Pixels;
        int channels = image.Channels;
        var bgra = new byte[image.Width * image.Height * 4];
        for (int p = 0, count = image.Width * image.Height; p < count; p++)
        {
            var pixel = source.Slice(p * channels, channels);
            var target = bgra.AsSpan(p * 4, 4);
            if (channels == 1)
            {
                target[0] = target[1] = target[2] = pixel[0];
                target[3] = 255;
                continue;
            }
            byte alpha = channels == 4 ? pixel[3] : (byte)255;
            target[0] = Premultiply(pixel[2], alpha);
            target[1] = Premultiply(pixel[1], alpha);
            target[2] = Premultiply(pixel[0], alpha);
            target[3] = alpha;
        }
        return MLImage.CreateFromPixels(image.Width, image.Height, MLPixelFormat.Bgra32, bgra);
    }

    private static byte Premultiply(byte value, byte alpha) => alpha == 255 ? value : (byte)((value * alpha + 127) / 255);

    private static byte Unpremultiply(byte value, byte alpha) =>
        alpha == 255 ? value : alpha == 0 ? (byte)0 : (byte)Math.Min(255, (value * 255 + alpha / 2) / alpha);
}
