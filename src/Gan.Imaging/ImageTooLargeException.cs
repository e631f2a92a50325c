namespace Gan.Imaging;

/// <summary>
/// An image whose header declares more pixels than <see cref="ImageDecodeOptions.MaxPixels"/> allows. Raised from the
/// header alone, before any pixel memory is allocated, so a tiny file claiming a huge size (a decompression bomb)
/// costs nothing.
/// </summary>
public class ImageTooLargeException : Exception
{
    /// <summary>Creates the exception; the message names <paramref name="path"/> when it is known.</summary>
    public ImageTooLargeException(int width, int height, long maxPixels, string? path = null)
        : base($"{(path is null ? "" : path + ": ")}the image is {width}x{height} = {(long)width * height} pixels, " +
               $"more than the limit of {maxPixels} (ImageDecodeOptions.MaxPixels).")
    {
        Width = width;
        Height = height;
        MaxPixels = maxPixels;
        Path = path;
    }

    /// <summary>The width declared by the header.</summary>
    public int Width { get; }

    /// <summary>The height declared by the header.</summary>
    public int Height { get; }

    /// <summary>The limit that was exceeded.</summary>
    public long MaxPixels { get; }

    /// <summary>The file, or null when decoding from memory.</summary>
    public string? Path { get; }

    internal ImageTooLargeException WithPath(string path) => new(Width, Height, MaxPixels, path);
}
