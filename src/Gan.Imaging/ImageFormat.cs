namespace Gan.Imaging;

/// <summary>The file formats Gan.Imaging reads and writes.</summary>
public enum ImageFormat
{
    /// <summary>Portable Network Graphics: lossless, 8-bit gray/RGB/RGBA written; 16-bit and palettes read.</summary>
    Png,
    /// <summary>JPEG (JFIF/EXIF): lossy, no alpha; EXIF orientation is not applied when reading.</summary>
    Jpeg,
    /// <summary>Windows bitmap, written as 8-bit gray or 24-bit colour (no alpha).</summary>
    Bmp,
    /// <summary>WebP: lossy or lossless, with alpha; gray is stored as colour and reads back as Rgb24.</summary>
    WebP,
    /// <summary>TIFF: the first page only.</summary>
    Tiff,
}

/// <summary>Maps file names to <see cref="ImageFormat"/>.</summary>
public static class ImageFormats
{
    /// <summary>The format a file extension names (case-insensitive: .png, .jpg, .jpeg, .bmp, .webp, .tif, .tiff).</summary>
    /// <exception cref="ArgumentException">The extension names no supported format.</exception>
    public static ImageFormat FromPath(string path) =>
        TryFromPath(path, out var format)
            ? format
            : throw new ArgumentException(
                $"Cannot infer an image format from '{path}'; use .png, .jpg, .jpeg, .bmp, .webp, .tif or .tiff, or pass the format.",
                nameof(path));

    /// <summary>Whether images written in <paramref name="format"/> keep an alpha channel.</summary>
    public static bool StoresAlpha(this ImageFormat format) => format is ImageFormat.Png or ImageFormat.WebP or ImageFormat.Tiff;

    /// <summary>Like <see cref="FromPath"/>, returning false instead of throwing.</summary>
    public static bool TryFromPath(string path, out ImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        ImageFormat? found = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => ImageFormat.Png,
            ".jpg" or ".jpeg" => ImageFormat.Jpeg,
            ".bmp" => ImageFormat.Bmp,
            ".webp" => ImageFormat.WebP,
            ".tif" or ".tiff" => ImageFormat.Tiff,
            _ => null,
        };
        format = found.GetValueOrDefault();
        return found.HasValue;
    }
}
