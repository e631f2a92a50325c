namespace Gan.Imaging;

/// <summary>
/// An 8-bit image in managed memory: <see cref="Width"/> × <see cref="Height"/> pixels of <see cref="Format"/>, stored
/// row-major with channels interleaved and no row padding (stride = width × channels). Immutable: every operation
/// returns a new image.
/// </summary>
public sealed partial class Image
{
    private readonly byte[] _pixels;

    private Image(int width, int height, PixelFormat format, byte[] pixels)
    {
        Width = width;
        Height = height;
        Format = format;
        _pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pixel layout.</summary>
    public PixelFormat Format { get; }

    /// <summary>Bytes per pixel (1, 3 or 4).</summary>
    public int Channels => (int)Format;

    /// <summary>Bytes per row: width × channels.</summary>
    public int Stride => Width * Channels;

    /// <summary>All pixels, row-major, channels interleaved (R, G, B[, A] or gray).</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    /// <summary>Creates an image from a copy of <paramref name="pixels"/> (exactly width × height × channels bytes).</summary>
    /// <exception cref="ArgumentException">Non-positive size or a pixel buffer of the wrong length.</exception>
    public static Image FromPixels(int width, int height, PixelFormat format, ReadOnlySpan<byte> pixels)
    {
        long expected = ByteCount(width, height, format);
        if (pixels.Length != expected)
            throw new ArgumentException(
                $"A {width}x{height} {format} image needs {expected} bytes, got {pixels.Length}.", nameof(pixels));
        return new Image(width, height, format, pixels.ToArray());
    }

    /// <summary>An image filled with <paramref name="color"/> (gray images take its luma, RGB drops alpha).</summary>
    public static Image Create(int width, int height, PixelFormat format, ImageColor color)
    {
        var pixels = new byte[ByteCount(width, height, format)];
        var pixel = PixelBytes(color, format);
        for (int i = 0; i < pixels.Length; i += pixel.Length) pixel.CopyTo(pixels, i);
        return new Image(width, height, format, pixels);
    }

    /// <summary>The pixel at column <paramref name="x"/>, row <paramref name="y"/>; gray reads as R = G = B.</summary>
    public ImageColor GetPixel(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        int i = y * Stride + x * Channels;
        return Format switch
        {
            PixelFormat.Gray8 => ImageColor.Gray(_pixels[i]),
            PixelFormat.Rgb24 => new ImageColor(_pixels[i], _pixels[i + 1], _pixels[i + 2]),
            _ => new ImageColor(_pixels[i], _pixels[i + 1], _pixels[i + 2], _pixels[i + 3]),
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"Image {Width}x{Height} {Format}";

    /// <summary>Takes ownership of <paramref name="pixels"/> without copying (callers inside the library only).</summary>
    internal static Image Wrap(int width, int height, PixelFormat format, byte[] pixels) =>
        new(width, height, format, pixels);

    internal static long ByteCount(int width, int height, PixelFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        long count = (long)width * height * format.ChannelCount();
        if (count > Array.MaxLength)
            throw new ArgumentException($"A {width}x{height} {format} image does not fit in one managed array.");
        return count;
    }

    internal static byte[] PixelBytes(ImageColor color, PixelFormat format) => format switch
    {
        PixelFormat.Gray8 => [color.Luma],
        PixelFormat.Rgb24 => [color.R, color.G, color.B],
        _ => [color.R, color.G, color.B, color.A],
    };

    internal byte[] PixelArray => _pixels;
}
