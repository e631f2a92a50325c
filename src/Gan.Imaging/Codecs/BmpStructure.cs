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
            return HeaderResult.Ok(BinaryPrimitives.ReadUInt16LittleEndian(data[18..]),
                BinaryPrimitives.ReadUInt16LittleEndian(data[20..]),
                3);
        }
        if (dibSize < 40) return HeaderResult.Fail(ImageFormatError.Corrupt, $"DIB header size {dibSize}");
        if (data.Length < 34) return HeaderResult.Truncated;
        int width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
        int height = BinaryPrimitives.ReadInt32LittleEndian(data[22..]);
        if (height == int.MinValue) return HeaderResult.Fail(ImageFormatError.Corrupt, "invalid height");
        // A negative height marks a top-down bitmap.
        int bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]);
        int compression = BinaryPrimitives.ReadInt32LittleEndian(data[30..]);
        // Like OpenCV's decoder: only 32-bit bitmaps with channel masks carry alpha; plain 32-bit pixels are BGRX.
        return HeaderResult.Ok(width, Math.Abs(height), bitsPerPixel == 32 && compression != Uncompressed ? 4 : 3);
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
}
