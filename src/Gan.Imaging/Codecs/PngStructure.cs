using System.Buffers.Binary;

namespace Gan.Imaging.Codecs;

/// <summary>PNG layout: 8-byte signature, then chunks (length, type, data, CRC), IHDR first and IEND last.</summary>
internal static class PngStructure
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    public static HeaderResult ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 + 8 + 13) return HeaderResult.Truncated;
        if (BinaryPrimitives.ReadUInt32BigEndian(data[8..]) != 13 || !data[12..16].SequenceEqual("IHDR"u8))
            return HeaderResult.Fail(ImageFormatError.Corrupt, "the first chunk is not a 13-byte IHDR");
        uint width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        byte colorType = data[25];
        int? channels = colorType switch
        {
            0 => 1,
            2 or 3 => HasTransparencyChunk(data) ? 4 : 3,
            4 => 2,
            6 => 4,
            _ => null,
        };
        return channels is null
            ? HeaderResult.Fail(ImageFormatError.Corrupt, $"unknown colour type {colorType}")
            : HeaderResult.Ok(width, height, channels.Value);
    }

    public static bool IsComplete(ReadOnlySpan<byte> data)
    {
        long position = 8;
        while (position + 12 <= data.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[(int)position..]);
            var type = data.Slice((int)position + 4, 4);
            position += 12L + length;
            if (type.SequenceEqual("IEND"u8)) return position <= data.Length;
        }
        return false;
    }

    // A tRNS chunk (before the first IDAT) gives RGB and palette images an alpha channel when decoded.
    private static bool HasTransparencyChunk(ReadOnlySpan<byte> data)
    {
        long position = 8;
        while (position + 8 <= data.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[(int)position..]);
            var type = data.Slice((int)position + 4, 4);
            if (type.SequenceEqual("tRNS"u8)) return true;
            if (type.SequenceEqual("IDAT"u8)) return false;
            position += 12L + length;
        }
        return false;
    }
}
