namespace Gan.Imaging;

/// <summary>The layout of one pixel: 8 bits per channel, channels interleaved in this order. The value is the channel count.</summary>
public enum PixelFormat
{
    /// <summary>One luminance byte.</summary>
    Gray8 = 1,
    /// <summary>Red, green, blue.</summary>
    Rgb24 = 3,
    /// <summary>Red, green, blue, alpha (straight, not premultiplied).</summary>
    Rgba32 = 4,
}

/// <summary>Facts about <see cref="PixelFormat"/> values.</summary>
public static class PixelFormatExtensions
{
    /// <summary>Bytes (channels) per pixel: 1, 3 or 4.</summary>
    public static int ChannelCount(this PixelFormat format) => format switch
    {
        PixelFormat.Gray8 or PixelFormat.Rgb24 or PixelFormat.Rgba32 => (int)format,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown pixel format."),
    };

    internal static PixelFormat FromChannelCount(int channels) => channels switch
    {
        1 => PixelFormat.Gray8,
        3 => PixelFormat.Rgb24,
        4 => PixelFormat.Rgba32,
        _ => throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images have 1, 3 or 4 channels."),
    };
}
