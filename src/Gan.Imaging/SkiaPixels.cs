using System.Buffers;
using SkiaSharp;

namespace Gan.Imaging;

/// <summary>
/// Lends our pixel buffers to Skia as pixmaps. Gray8 and Rgba32 are pinned and used in place; Rgb24 crosses as RGBA
/// in a pooled buffer, since Skia has no packed 24-bit colour type. Four-byte pixels are straight (unpremultiplied)
/// when alpha counts, and presented as opaque when it does not, so that Skia never premultiplies our colours.
/// </summary>
internal static unsafe class SkiaPixels
{
    /// <summary>Runs <paramref name="use"/> on a pixmap holding <paramref name="image"/>'s pixels.</summary>
    /// <param name="image">The pixels to read.</param>
    /// <param name="alpha">Whether Skia should see the alpha of an Rgba32 image; when false the colour is taken as is.
    /// Rgb24 is always opaque.</param>
    /// <param name="use">What to do with the pixmap; it is valid only during the call.</param>
    public static T Read<T>(Image image, bool alpha, Func<SKPixmap, T> use)
    {
        var info = Info(image.Width, image.Height, image.Format, alpha && image.Format == PixelFormat.Rgba32);
        if (image.Format != PixelFormat.Rgb24) return Lend(image.PixelArray, info, use);
        var rgba = ArrayPool<byte>.Shared.Rent(info.BytesSize);
        try
        {
            ChannelPacking.AddOpaqueAlpha(image.Pixels, rgba);
            return Lend(rgba, info, use);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgba);
        }
    }

    /// <summary>Runs <paramref name="fill"/> on a pixmap whose pixels end up in <paramref name="pixels"/>.</summary>
    /// <param name="pixels">The destination, exactly width × height of <paramref name="format"/>.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="format">The layout of <paramref name="pixels"/>.</param>
    /// <param name="alpha">Whether the four-byte pixels Skia writes are straight RGBA (a decoder may give any alpha,
    /// also for Rgb24, whose alpha is then dropped) or opaque; must match the source when Skia scales a pixmap.</param>
    /// <param name="fill">Writes the pixmap; it is valid only during the call.</param>
    public static T Write<T>(byte[] pixels, int width, int height, PixelFormat format, bool alpha, Func<SKPixmap, T> fill)
    {
        var info = Info(width, height, format, alpha);
        if (format != PixelFormat.Rgb24) return Lend(pixels, info, fill);
        var rgba = ArrayPool<byte>.Shared.Rent(info.BytesSize);
        try
        {
            var result = Lend(rgba, info, fill);
            ChannelPacking.DropAlpha(rgba, pixels);
            return result;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgba);
        }
    }

    private static SKImageInfo Info(int width, int height, PixelFormat format, bool alpha) => format == PixelFormat.Gray8
        ? new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque)
        : new SKImageInfo(width, height, SKColorType.Rgba8888, alpha ? SKAlphaType.Unpremul : SKAlphaType.Opaque);

    private static T Lend<T>(byte[] pixels, SKImageInfo info, Func<SKPixmap, T> use)
    {
        fixed (byte* address = pixels)
        {
            using var pixmap = new SKPixmap(info, (IntPtr)address, info.RowBytes);
            return use(pixmap);
        }
    }
}
