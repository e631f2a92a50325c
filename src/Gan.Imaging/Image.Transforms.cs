using Gan.Imaging.Native;

namespace Gan.Imaging;

public sealed partial class Image
{
    /// <summary>Resamples to <paramref name="width"/> × <paramref name="height"/> with OpenCV's cv::resize.</summary>
    public Image Resize(int width, int height, ResizeMethod method = ResizeMethod.Bilinear)
    {
        if (!Enum.IsDefined(method)) throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown resize method.");
        var result = new byte[ByteCount(width, height, Format)];
        unsafe
        {
            fixed (byte* source = _pixels)
            fixed (byte* target = result)
            {
                ImagingStatus.Check(ImagingNativeMethods.gan_image_resize(source, Width, Height, Channels, target,
                    width, height, (int)method));
            }
        }
        return Wrap(width, height, Format, result);
    }

    /// <summary>
    /// Converts the pixel format. Gray → RGB(A) replicates the level; adding alpha makes pixels opaque (255);
    /// RGBA → RGB drops alpha without compositing; RGB(A) → gray is BT.601 luma
    /// round(0.299 R + 0.587 G + 0.114 B), computed exactly in integers.
    /// </summary>
    public Image ConvertTo(PixelFormat format)
    {
        int targetChannels = format.ChannelCount();
        if (format == Format) return this;
        var result = new byte[ByteCount(Width, Height, format)];
        int sourceChannels = Channels;
        for (int s = 0, t = 0; s < _pixels.Length; s += sourceChannels, t += targetChannels)
        {
            if (format == PixelFormat.Gray8)
            {
                result[t] = ImageColor.Luma601(_pixels[s], _pixels[s + 1], _pixels[s + 2]);
                continue;
            }
            if (Format == PixelFormat.Gray8)
                result[t] = result[t + 1] = result[t + 2] = _pixels[s];
            else
                _pixels.AsSpan(s, 3).CopyTo(result.AsSpan(t, 3));
            if (format == PixelFormat.Rgba32) result[t + 3] = Format == PixelFormat.Rgba32 ? _pixels[s + 3] : (byte)255;
        }
        return Wrap(Width, Height, format, result);
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
