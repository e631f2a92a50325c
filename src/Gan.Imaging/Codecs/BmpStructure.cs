using System.Buffers.Binary;

namespace Gan.Imaging.Codecs;

/// <summary>BMP layout: 14-byte file header ("BM", size, pixel offset), a DIB header (12 bytes for OS/2, 40+ otherwise), pixels.</summary>
internal static class BmpStructure
{
    private const int Uncompressed = 0, BitFields = 3, AlphaBitFields = 6;

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 'B' && data[1] == 'M';

    public static HeaderResult ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < 18) return HeaderResult.Truncated;
        uint dibSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        if (dibSize == 12)
        {
            if (data.Length < 26) return HeaderResult.Truncated;
            int coreBits = BinaryPrimitives.ReadUInt16LittleEndian(data[24..]);
            return Palette(data, coreBits, 0, 3) is not { } corePalette
                ? HeaderResult.Truncated
                : HeaderResult.Ok(BinaryPrimitives.ReadUInt16LittleEndian(data[18..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(data[20..]), IsGray(corePalette, 3) ? 1 : 3);
        }
        if (dibSize < 40) return HeaderResult.Fail(ImageFormatError.Corrupt, $"DIB header size {dibSize}");
        if (data.Length < 50) return HeaderResult.Truncated;
        int width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
        int height = BinaryPrimitives.ReadInt32LittleEndian(data[22..]);
        if (height == int.MinValue) return HeaderResult.Fail(ImageFormatError.Corrupt, "invalid height");
        // A negative height marks a top-down bitmap.
        int bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]);
        int compression = BinaryPrimitives.ReadInt32LittleEndian(data[30..]);
        uint colorsUsed = BinaryPrimitives.ReadUInt32LittleEndian(data[46..]);
        if (Palette(data, bitsPerPixel, colorsUsed, 4) is not { } palette) return HeaderResult.Truncated;
        // As OpenCV read bitmaps: only 32-bit pixels with channel masks carry alpha (plain 32-bit pixels are BGRX),
        // and indexed pixels whose palette is all gray are gray.
        int channels = IsGray(palette, 4) ? 1 : bitsPerPixel == 32 && compression != Uncompressed ? 4 : 3;
        return HeaderResult.Ok(width, Math.Abs(height), channels);
    }

    /// <summary>For uncompressed bitmaps, whether the pixel array fits in the file; RLE bitmaps are left to the decoder.</summary>
    public static bool IsComplete(ReadOnlySpan<byte> data)
    {
        if (data.Length < 34) return false;
        uint dibSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(data[10..]);
        long width, height, bitsPerPixel;
        if (dibSize == 12)
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[18..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(data[20..]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[24..]);
        }
        else
        {
            int compression = BinaryPrimitives.ReadInt32LittleEndian(data[30..]);
            if (compression is not (Uncompressed or BitFields or AlphaBitFields)) return true;
            width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
            height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(data[22..]));
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]);
        }
        long rowBytes = (width * bitsPerPixel + 31) / 32 * 4;
        return offset + (Int128)rowBytes * height <= data.Length; // Int128: a hostile header can overflow long
    }

    // The colour table of an indexed bitmap (1, 4 or 8 bits per pixel): colorsUsed entries (all 2^bits when zero) of
    // B, G, R (and a reserved byte in the 4-byte form), right after the DIB header. Empty for direct colour; null
    // when the file ends inside it.
    private static byte[]? Palette(ReadOnlySpan<byte> data, int bitsPerPixel, uint colorsUsed, int entrySize)
    {
        if (bitsPerPixel is not (1 or 4 or 8)) return [];
        long entries = colorsUsed is > 0 and <= 256 ? colorsUsed : 1L << bitsPerPixel;
        long start = 14 + BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        return start + entries * entrySize > data.Length ? null : data.Slice((int)start, (int)(entries * entrySize)).ToArray();
    }

    private static bool IsGray(byte[] palette, int entrySize)
    {
        if (palette.Length == 0) return false;
        for (int i = 0; i < palette.Length; i += entrySize)
            if (palette[i] != palette[i + 1] || palette[i] != palette[i + 2]) return false;
        return true;
    }
}
