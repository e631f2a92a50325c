using Gan.Imaging.Codecs;

namespace Gan.Imaging;

public sealed partial class Image
{
    /// <summary>Decodes a PNG, JPEG, BMP, WebP or TIFF image (first page) into Gray8, Rgb24 or Rgba32 pixels.</summary>
    /// <remarks>
    /// <para>Order of checks: the header is parsed in managed code and the pixel limit enforced before any decoding;
    /// then, unless <see cref="ImageDecodeOptions.AllowTruncated"/>, a file that ends early is rejected; then Skia
    /// (PNG, JPEG, BMP, WebP) or LibTiff.NET (TIFF) decodes.</para>
    /// <para>The pixel format follows the stored channels (<see cref="ImageHeader.Channels"/>): gray stays Gray8 (a
    /// BMP with a gray palette too), gray+alpha becomes Rgba32, CMYK becomes Rgb24, palettes become Rgb24, or Rgba32
    /// with transparency. 16-bit samples become 8 bits: in TIFF v / 257 rounded; in PNG the high byte (v &gt;&gt; 8,
    /// Skia's choice: v / 257 rounded or one less). Float TIFF samples are taken as 0..1 (v · 255 rounded, clamped).
    /// EXIF orientation is not applied; ICC profiles are ignored (no colour conversion).</para>
    /// </remarks>
    /// <exception cref="ImageFormatException">Empty, not an image, truncated, corrupt or unsupported.</exception>
    /// <exception cref="ImageTooLargeException">The header declares more than <see cref="ImageDecodeOptions.MaxPixels"/>.</exception>
    public static Image Decode(ReadOnlySpan<byte> data, ImageDecodeOptions? options = null)
    {
        options ??= ImageDecodeOptions.Default;
        var error = ImageHeader.Parse(data, out var header, out var reason);
        if (header is null) throw new ImageFormatException(error!.Value, reason);
        if (header.PixelCount > options.MaxPixels)
            throw new ImageTooLargeException(header.Width, header.Height, options.MaxPixels);
        bool complete = ImageHeader.IsComplete(header.Format, data);
        if (!complete && !options.AllowTruncated)
            throw new ImageFormatException(ImageFormatError.Truncated,
                $"truncated {header.Format}: the file ends before the image does");
        return header.Format == ImageFormat.Tiff
            ? TiffDecoder.Decode(data, header)
            : SkiaDecoder.Decode(data, header, partial: !complete);
    }

    /// <summary>Reads and decodes a file; errors name the file. See <see cref="Decode"/>.</summary>
    /// <exception cref="ImageFormatException">The file is not a decodable image.</exception>
    /// <exception cref="ImageTooLargeException">The header declares too many pixels.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Image Load(string path, ImageDecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var data = File.ReadAllBytes(path);
        try
        {
            return Decode(data, options);
        }
        catch (ImageFormatException e)
        {
            throw e.WithPath(path);
        }
        catch (ImageTooLargeException e)
        {
            throw e.WithPath(path);
        }
    }

    /// <summary>Encodes to <paramref name="format"/>.</summary>
    /// <remarks>
    /// JPEG and BMP store no alpha (<see cref="ImageFormats.StoresAlpha"/>): RGBA images are written as RGB, alpha
    /// dropped, not composited. PNG, BMP, TIFF and lossless WebP reproduce the stored channels exactly. PNG, JPEG and
    /// WebP are written by Skia, TIFF by LibTiff.NET (LZW), BMP by this library (Skia has no BMP encoder).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">An option the format reads is out of range, or an unknown format.</exception>
    /// <exception cref="ImageFormatException">The format cannot hold this image (e.g. WebP wider than it allows).</exception>
    public byte[] Encode(ImageFormat format, ImageEncodeOptions? options = null)
    {
        options ??= ImageEncodeOptions.Default;
        options.Validate(format);
        return format switch
        {
            ImageFormat.Png or ImageFormat.Jpeg or ImageFormat.WebP => SkiaEncoder.Encode(this, format, options),
            ImageFormat.Bmp => BmpEncoder.Encode(this),
            ImageFormat.Tiff => TiffEncoder.Encode(this),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format."),
        };
    }

    /// <summary>
    /// Encodes and writes the image atomically: the bytes go to a temporary file in the same folder, which then
    /// replaces <paramref name="path"/>. A failure (unknown format, encoder error, full disk) leaves any existing
    /// file untouched and no temporary file behind.
    /// </summary>
    /// <param name="path">The destination.</param>
    /// <param name="format">The format; null infers it from the extension.</param>
    /// <param name="options">Quality settings.</param>
    public void Save(string path, ImageFormat? format = null, ImageEncodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = Encode(format ?? ImageFormats.FromPath(path), options);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
