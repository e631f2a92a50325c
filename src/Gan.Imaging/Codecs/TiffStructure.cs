using System.Buffers.Binary;

namespace Gan.Imaging.Codecs;

/// <summary>
/// TIFF layout: byte order ("II" little, "MM" big endian), 42, offset of the first image file directory (IFD);
/// an IFD is a count and 12-byte entries (tag, type, count, value or offset). Only the first page is read.
/// </summary>
internal static class TiffStructure
{
    private const ushort ImageWidth = 256, ImageLength = 257, Photometric = 262, SamplesPerPixel = 277;
    private const ushort StripOffsets = 273, StripByteCounts = 279, TileOffsets = 324, TileByteCounts = 325;
    private const ushort TypeShort = 3, TypeLong = 4;
    private const int PhotometricPalette = 3;

    public static bool HasSignature(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && ((data[0] == 'I' && data[1] == 'I' && data[2] is 42 or 43 && data[3] == 0) ||
                             (data[0] == 'M' && data[1] == 'M' && data[2] == 0 && data[3] is 42 or 43));

    public static HeaderResult ReadHeader(ReadOnlySpan<byte> data)
    {
        bool little = data[0] == 'I';
        if (ReadUInt16(data[2..], little) == 43) return HeaderResult.Fail(ImageFormatError.Unsupported, "BigTIFF");
        if (data.Length < 8) return HeaderResult.Truncated;
        long ifd = ReadUInt32(data[4..], little);
        if (ifd + 2 > data.Length) return HeaderResult.Truncated;
        int entries = ReadUInt16(data[(int)ifd..], little);
        if (ifd + 2 + 12L * entries > data.Length) return HeaderResult.Truncated;
        long width = -1, height = -1;
        int samples = 1, photometric = -1;
        for (int i = 0; i < entries; i++)
        {
            var entry = data.Slice((int)ifd + 2 + 12 * i, 12);
            ushort tag = ReadUInt16(entry, little);
            ushort type = ReadUInt16(entry[2..], little);
            // Single SHORT/LONG values sit left-aligned in the 4-byte value field.
            long? value = type switch
            {
                TypeShort => ReadUInt16(entry[8..], little),
                TypeLong => ReadUInt32(entry[8..], little),
                _ => null,
            };
            if (value is not { } v) continue;
            switch (tag)
            {
                case ImageWidth: width = v; break;
                case ImageLength: height = v; break;
                case SamplesPerPixel: samples = (int)v; break;
                case Photometric: photometric = (int)v; break;
            }
        }
        if (width < 0 || height < 0)
            return HeaderResult.Fail(ImageFormatError.Corrupt, "the first IFD has no ImageWidth/ImageLength");
        int channels = photometric == PhotometricPalette ? 3 : Math.Clamp(samples, 1, 4);
        return HeaderResult.Ok(width, height, channels);
    }

    /// <summary>
    /// Whether the first page lies inside the file: its directory (with the offset of the next one), every value
    /// stored outside the directory, and every strip (or tile).
    /// </summary>
    public static bool IsComplete(ReadOnlySpan<byte> data)
    {
        bool little = data[0] == 'I';
        int ifd = (int)ReadUInt32(data[4..], little);
        int entries = ReadUInt16(data[ifd..], little);
        if (ifd + 2 + 12L * entries + 4 > data.Length) return false;
        long[]? offsets = null, counts = null;
        for (int i = 0; i < entries; i++)
        {
            var entry = data.Slice(ifd + 2 + 12 * i, 12);
            long bytes = ReadUInt32(entry[4..], little) * (long)TypeSize(ReadUInt16(entry[2..], little));
            if (bytes > 4 && ReadUInt32(entry[8..], little) + bytes > data.Length) return false;
            switch (ReadUInt16(entry, little))
            {
                case StripOffsets or TileOffsets: offsets = ReadValues(data, entry, little); break;
                case StripByteCounts or TileByteCounts: counts = ReadValues(data, entry, little); break;
            }
        }
        if (offsets is null || counts is null || offsets.Length != counts.Length) return false;
        for (int i = 0; i < offsets.Length; i++)
            if (offsets[i] < 0 || counts[i] < 0 || offsets[i] + counts[i] > data.Length) return false;
        return true;
    }

    // Bytes per value of each TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL, SBYTE, UNDEFINED, SSHORT, SLONG,
    // SRATIONAL, FLOAT, DOUBLE, IFD); readers skip other types, and so does the check above.
    private static int TypeSize(ushort type) => type switch
    {
        1 or 2 or 6 or 7 => 1,
        3 or 8 => 2,
        4 or 9 or 11 or 13 => 4,
        5 or 10 or 12 => 8,
        _ => 0,
    };

    // An entry's SHORT or LONG array: inline when it fits in the 4-byte value field, else at the offset stored there.
    // Null (treated as incomplete) when the array itself lies outside the file or has another type.
    private static long[]? ReadValues(ReadOnlySpan<byte> data, ReadOnlySpan<byte> entry, bool little)
    {
        ushort type = ReadUInt16(entry[2..], little);
        long count = ReadUInt32(entry[4..], little);
        int size = type switch { TypeShort => 2, TypeLong => 4, _ => 0 };
        if (size == 0) return null;
        long bytes = count * size;
        long start = bytes <= 4 ? -1 : ReadUInt32(entry[8..], little);
        if (start + bytes > data.Length) return null;
        var source = start < 0 ? entry.Slice(8, (int)bytes) : data.Slice((int)start, (int)bytes);
        var values = new long[count];
        for (int i = 0; i < count; i++)
            values[i] = size == 2 ? ReadUInt16(source[(2 * i)..], little) : ReadUInt32(source[(4 * i)..], little);
        return values;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);

    private static uint ReadUInt32(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);
}
