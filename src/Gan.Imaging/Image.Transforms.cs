using SkiaSharp;

namespace Gan.Imaging;

public sealed partial class Image
{
    /// <summary>Resamples to <paramref name="width"/> × <paramref name="height"/> with Skia (see <see cref="ResizeMethod"/>).</summary>
    /// <remarks>Channels are interpolated independently, alpha included (straight, never premultiplied).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">An empty size or an unknown method.</exception>
    public Image Resize(int width, int height, ResizeMethod method = ResizeMethod.Bilinear)
    {
        if (!Enum.IsDefined(method)) throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown resize method.");
        var result = new byte[ByteCount(width, height, Format)];
        var sampling = Sampling(method);
        bool alpha = Format == PixelFormat.Rgba32;
        bool scaled = SkiaPixels.Read(this, alpha, source =>
            SkiaPixels.Write(result, width, height, Format, alpha, target => source.ScalePixels(target, sampling)));
        if (!scaled) throw new InvalidOperationException($"Skia could not resize a {Width}x{Height} {Format} image to {width}x{height}.");
        return Wrap(width, height, Format, result);
    }

    private static SKSamplingOptions Sampling(ResizeMethod method) => method switch
    {
        ResizeMethod.Nearest => new SKSamplingOptions(SKFilterMode.Nearest),
        ResizeMethod.Bilinear => new SKSamplingOptions(SKFilterMode.Linear),
        // Mitchell–Netravali with B = 0 is the Keys kernel with a = −C.
        ResizeMethod.Bicubic => new SKSamplingOptions(new SKCubicResampler(0, 0.75f)),
        _ => new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear),
    };

    /// <summary>
    /// Converts the pixel format. Gray → RGB(A) replicates the level; adding alpha makes pixels opaque (255);
    /// RGBA → RGB drops alpha without compositing; RGB(A) → gray is BT.601 luma
    /// round(0.299 R + 0.587 G + 0.114 B), computed exactly in integers.
    /// </summary>
    public Image ConvertTo(PixelFormat format)
    {
        if (format == Format) return this;
        var result = new byte[ByteCount(Width, Height, format)];
        if (Format == PixelFormat.Rgba32 && format == PixelFormat.Rgb24) ChannelPacking.DropAlpha(_pixels, result);
        else if (Format == PixelFormat.Rgb24 && format == PixelFormat.Rgba32) ChannelPacking.AddOpaqueAlpha(_pixels, result);
        else ConvertGray(result, format);
        return Wrap(Width, Height, format, result);
    }

    // Conversions from or to Gray8.
    private void ConvertGray(byte[] result, PixelFormat format)
    {
        int sourceChannels = Channels, targetChannels = format.ChannelCount();
        for (int s = 0, t = 0; s < _pixels.Length; s += sourceChannels, t += targetChannels)
        {
            if (format == PixelFormat.Gray8)
            {
                result[t] = ImageColor.Luma601(_pixels[s], _pixels[s + 1], _pixels[s + 2]);
                continue;
            }
            result[t] = result[t + 1] = result[t + 2] = _pixels[s];
            if (format == PixelFormat.Rgba32) result[t + 3] = 255;
        }
    }

    /// <summary>The <paramref name="width"/> × <paramref name="height"/> region whose top-left corner is (x, y).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The region is empty or leaves the image.</exception>
    public Image Crop(int x, int y, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if ((long)x + width > Width || (long)y + height > Height)
            throw new ArgumentOutOfRangeException(nameof(width),
                $"The region ({x},{y}) {width}x{height} leaves the {Width}x{Height} image.");
        var result = new byte[ByteCount(width, height, Format)];
        int rowBytes = width * Channels;
        for (int row = 0; row < height; row++)
            _pixels.AsSpan((y + row) * Stride + x * Channels, rowBytes).CopyTo(result.AsSpan(row * rowBytes));
        return Wrap(width, height, Format, result);
    }
}
