using System.Buffers.Binary;

namespace Gan.Imaging.Codecs;

/// <summary>
/// Writes Windows bitmaps, which Skia can read but not write: Gray8 as 8-bit indices into a gray palette, colour as
/// 24-bit BGR (alpha dropped); rows bottom-up, each padded to a multiple of four bytes; no compression.
/// </summary>
internal static class BmpEncoder
{
    private const int FileHeaderSize = 14, InfoHeaderSize = 40, PaletteSize = 256 * 4;

    public static byte[] Encode(Image image)
    {
        bool gray = image.Format == PixelFormat.Gray8;
        int bitsPerPixel = gray ? 8 : 24;
        int rowBytes = (image.Width * (bitsPerPixel / 8) + 3) & ~3;
        int pixelOffset = FileHeaderSize + InfoHeaderSize + (gray ? PaletteSize : 0);
        long size = pixelOffset + (long)rowBytes * image.Height;
        if (size > int.MaxValue)
            throw new ImageFormatException(ImageFormatError.Unsupported,
                $"a {image.Width}x{image.Height} bitmap would need {size} bytes, more than BMP stores");
        var bmp = new byte[size];
        var span = bmp.AsSpan();
        "BM"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], (int)size);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], pixelOffset);
        var info = span[FileHeaderSize..];
        BinaryPrimitives.WriteInt32LittleEndian(info, InfoHeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(info[4..], image.Width);
        BinaryPrimitives.WriteInt32LittleEndian(info[8..], image.Height); // positive: bottom-up
        BinaryPrimitives.WriteInt16LittleEndian(info[12..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(info[14..], (short)bitsPerPixel);
        BinaryPrimitives.WriteInt32LittleEndian(info[20..], rowBytes * image.Height);
        if (gray)
        {
            BinaryPrimitives.WriteInt32LittleEndian(info[32..], 256);
            for (int level = 0; level < 256; level++)
                span.Slice(FileHeaderSize + InfoHeaderSize + 4 * level, 3).Fill((byte)level);
        }

        var pixels = image.Pixels;
        int channels = image.Channels;
        for (int y = 0; y < image.Height; y++)
        {
            var source = pixels.Slice(y * image.Stride, image.Stride);
            var target = span.Slice(pixelOffset + (image.Height - 1 - y) * rowBytes, rowBytes);
            if (gray)
            {
                source.CopyTo(target);
                continue;
            }
            for (int x = 0; x < image.Width; x++)
            {
                target[3 * x] = source[channels * x + 2];
                target[3 * x + 1] = source[channels * x + 1];
                target[3 * x + 2] = source[channels * x];
            }
        }
        return bmp;
    }
}
