using System.Buffers.Binary;

namespace Gan.Imaging.Codecs;

/// <summary>
/// JPEG layout: SOI (FFD8), marker segments (FFxx + 16-bit length), a start-of-frame segment with the size, scans
/// (SOS header + entropy-coded data in which FF is always followed by 00 or a restart marker), EOI (FFD9).
/// </summary>
internal static class JpegStructure
{
    private const byte StartOfScan = 0xDA, EndOfImage = 0xD9;

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;

    public static HeaderResult ReadHeader(ReadOnlySpan<byte> data)
    {
        int position = 2;
        while (true)
        {
            if (!NextMarker(data, ref position, out byte marker)) return HeaderResult.Truncated;
            if (IsStandalone(marker)) continue;
            if (marker is StartOfScan or EndOfImage)
                return HeaderResult.Fail(ImageFormatError.Corrupt, "no start-of-frame segment before the image data");
            if (position + 2 > data.Length) return HeaderResult.Truncated;
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (length < 2) return HeaderResult.Fail(ImageFormatError.Corrupt, $"segment FF{marker:X2} has length {length}");
            if (IsStartOfFrame(marker))
            {
                if (position + 8 > data.Length) return HeaderResult.Truncated;
                int height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 3)..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
                int components = data[position + 7];
                if (height == 0)
                    return HeaderResult.Fail(ImageFormatError.Unsupported, "the height is defined by a DNL marker");
                if (components is not (1 or 3 or 4))
                    return HeaderResult.Fail(ImageFormatError.Unsupported, $"{components} colour components");
                return HeaderResult.Ok(width, height, components);
            }
            position += length;
        }
    }

    /// <summary>Walks segments and scans to the EOI marker; a file cut anywhere before it is incomplete.</summary>
    public static bool IsComplete(ReadOnlySpan<byte> data)
    {
        int position = 2;
        while (NextMarker(data, ref position, out byte marker))
        {
            if (marker == EndOfImage) return true;
            if (IsStandalone(marker)) continue;
            if (position + 2 > data.Length) return false;
            position += BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (marker == StartOfScan && !SkipEntropyCodedData(data, ref position)) return false;
        }
        return false;
    }

    // Leaves position on the FF of the first marker after the scan data (not a stuffed 00 or a restart marker).
    private static bool SkipEntropyCodedData(ReadOnlySpan<byte> data, ref int position)
    {
        while (position < data.Length)
        {
            int next = data[position..].IndexOf((byte)0xFF);
            if (next < 0) return false;
            position += next;
            if (position + 1 >= data.Length) return false;
            byte following = data[position + 1];
            if (following == 0x00 || following is >= 0xD0 and <= 0xD7) position += 2;
            else if (following == 0xFF) position += 1;
            else return true;
        }
        return false;
    }

    // Reads "FF [FF fill bytes] marker" at position and moves past it.
    private static bool NextMarker(ReadOnlySpan<byte> data, ref int position, out byte marker)
    {
        marker = 0;
        if (position >= data.Length || data[position] != 0xFF) return false;
        while (position < data.Length && data[position] == 0xFF) position++;
        if (position >= data.Length) return false;
        marker = data[position++];
        return true;
    }

    private static bool IsStandalone(byte marker) => marker is 0x01 or 0xD8 or >= 0xD0 and <= 0xD7;

    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
}
