using System.Buffers.Binary;

namespace Gan.Imaging.Tests.Support;

/// <summary>Adds an EXIF segment to a JPEG by hand, for the orientation tag that no encoder here writes.</summary>
internal static class JpegExif
{
    /// <summary>
    /// <paramref name="jpeg"/> with an APP1 segment right after SOI: "Exif\0\0", then a little-endian TIFF header whose
    /// one directory holds Orientation (tag 0x0112, SHORT) = <paramref name="orientation"/>.
    /// </summary>
    public static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        var exif = new byte[6 + 8 + 2 + 12 + 4];
        "Exif\0\0"u8.CopyTo(exif);
        var tiff = exif.AsSpan(6);
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff[4..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[8..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[10..], 0x0112);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[12..], 3);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff[14..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff[18..], orientation);
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + exif.Length));
        exif.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
