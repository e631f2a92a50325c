using System.Buffers.Binary;

namespace Gan.Imaging.Codecs;

/// <summary>WebP layout: "RIFF", size, "WEBP", then a VP8 (lossy), VP8L (lossless) or VP8X (extended) chunk.</summary>
internal static class WebPStructure
{
    public static bool HasSignature(ReadOnlySpan<byte> data) =>
        data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8);

    public static HeaderResult ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30) return HeaderResult.Truncated;
        var chunk = data[12..16];
        var payload = data[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height (top 2 bits are scaling).
            if (payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A)
                return HeaderResult.Fail(ImageFormatError.Corrupt, "bad VP8 start code");
            return HeaderResult.Ok(BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF, 3);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 2F, then width-1 (14 bits), height-1 (14 bits), alpha-is-used (1 bit), version (3 bits).
            if (payload[0] != 0x2F) return HeaderResult.Fail(ImageFormatError.Corrupt, "bad VP8L signature");
            uint bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            return HeaderResult.Ok((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, (bits >> 28 & 1) != 0 ? 4 : 3);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Flags (alpha = 0x10), 3 reserved bytes, canvas width-1 and height-1 as 24-bit values.
            bool alpha = (payload[0] & 0x10) != 0;
            return HeaderResult.Ok(ReadUInt24(payload[4..]) + 1, ReadUInt24(payload[7..]) + 1, alpha ? 4 : 3);
        }
        return HeaderResult.Fail(ImageFormatError.Corrupt, "no VP8, VP8L or VP8X chunk");
    }

    public static bool IsComplete(ReadOnlySpan<byte> data) =>
        data.Length >= 8 && 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) <= data.Length;

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | bytes[1] << 8 | bytes[2] << 16;
}
