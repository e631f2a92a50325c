using Gan.Imaging.Native;

namespace Gan.Imaging;

public sealed partial class Image
{
    /// <summary>
    /// Decodes a PNG, JPEG, BMP, WebP or TIFF image (first page). Order of checks: the header is parsed in managed
    /// code and the pixel limit enforced before any decoding; then, unless
    /// <see cref="ImageDecodeOptions.AllowTruncated"/>, a file that ends early is rejected; then OpenCV decodes.
    /// 16-bit samples are scaled to 8 bits (v / 257, rounded), float samples from 0..1 (v · 255, rounded); gray+alpha
    /// becomes RGBA (see <see cref="ImageHeader.Channels"/>); EXIF orientation is not applied.
    /// </summary>
    /// <exception cref="ImageFormatException">Empty, not an image, truncated, corrupt or unsupported.</exception>
    /// <exception cref="ImageTooLargeException">The header declares more than <see cref="ImageDecodeOptions.MaxPixels"/>.</exception>
    public static Image Decode(ReadOnlySpan<byte> data, ImageDecodeOptions? options = null)
    {
        options ??= ImageDecodeOptions.Default;
        var error = ImageHeader.Parse(data, out var header, out var reason);
        if (header is null) throw new ImageFormatException(error!.Value, reason);
        if (header.PixelCount > options.MaxPixels)
            throw new ImageTooLargeException(header.Width, header.Height, options.MaxPixels);
        if (!options.AllowTruncated && !ImageHeader.IsComplete(header.Format, data))
            throw new ImageFormatException(ImageFormatError.Truncated,
                $"truncated {header.Format}: the file ends before the image does");
        var image = DecodeNative(data);
        if (image.Width != header.Width || image.Height != header.Height)
            throw new ImageFormatException(ImageFormatError.Corrupt,
                $"the {header.Format} header declares {header.Width}x{header.Height} but the decoder produced {image.Width}x{image.Height}");
        return image;
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

    /// <summary>
    /// Encodes to <paramref name="format"/>. JPEG and BMP store no alpha (<see cref="ImageFormats.StoresAlpha"/>): RGBA
    /// images are written as RGB, alpha dropped, not composited. PNG, BMP, TIFF and lossless WebP reproduce the
    /// stored channels exactly.
    /// </summary>
    public byte[] Encode(ImageFormat format, ImageEncodeOptions? options = null)
    {
        options ??= ImageEncodeOptions.Default;
        int quality = options.NativeQuality(format);
        var source = Format == PixelFormat.Rgba32 && !format.StoresAlpha() ? ConvertTo(PixelFormat.Rgb24) : this;
        unsafe
        {
            fixed (byte* pixels = source._pixels)
            {
                ImagingStatus.Check(ImagingNativeMethods.gan_image_encode(pixels, Width, Height, source.Channels,
                    (int)format, quality, out byte* encoded, out long size));
                try
                {
                    return new ReadOnlySpan<byte>(encoded, checked((int)size)).ToArray();
                }
                finally
                {
                    ImagingNativeMethods.gan_image_buffer_free(encoded);
                }
            }
        }
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

    private static unsafe Image DecodeNative(ReadOnlySpan<byte> data)
    {
        fixed (byte* bytes = data)
        {
            ImagingStatus.Check(ImagingNativeMethods.gan_image_decode(bytes, data.Length, out byte* pixels,
                out int width, out int height, out int channels));
            try
            {
                var format = PixelFormatExtensions.FromChannelCount(channels);
                return Wrap(width, height, format,
                    new ReadOnlySpan<byte>(pixels, checked((int)ByteCount(width, height, format))).ToArray());
            }
            finally
            {
                ImagingNativeMethods.gan_image_buffer_free(pixels);
            }
        }
    }
}
