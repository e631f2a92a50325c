using System.Buffers.Binary;

namespace Gan.Imaging.Tests.Support;

/// <summary>
/// Writes minimal little-endian TIFFs by hand (one uncompressed strip placed after the directory), for sample layouts
/// the encoder cannot produce: gray+alpha, 16-bit, floating point.
/// </summary>
internal static class TiffWriter
{
    private const ushort Short = 3, Long = 4;

    /// <param name="bitsPerSample">The same for every sample (at most 2 samples, so the values fit inline).</param>
    /// <param name="sampleFormat">1 unsigned integer, 3 IEEE float.</param>
    /// <param name="extraSamples">TIFF ExtraSamples value (2 = unassociated alpha), or null.</param>
    public static byte[] Write(int width, int height, int samples, int bitsPerSample, byte[] strip,
        int sampleFormat = 1, int? extraSamples = null)
    {
        var entries = new List<(ushort Tag, ushort Type, uint Count, uint Value)>
        {
            (256, Long, 1, (uint)width),
            (257, Long, 1, (uint)height),
            (258, Short, (uint)samples, (uint)(bitsPerSample | (samples > 1 ? bitsPerSample << 16 : 0))),
            (259, Short, 1, 1),
            (262, Short, 1, 1),
            (273, Long, 1, 0),
            (277, Short, 1, (uint)samples),
            (278, Long, 1, (uint)height),
            (279, Long, 1, (uint)strip.Length),
        };
        if (extraSamples is { } extra) entries.Add((338, Short, 1, (uint)extra));
        entries.Add((339, Short, 1, (uint)sampleFormat));
        int stripOffset = 8 + 2 + 12 * entries.Count + 4;
        entries[5] = (273, Long, 1, (uint)stripOffset);

        var tiff = new byte[stripOffset + strip.Length];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), (ushort)entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            var (tag, type, count, value) = entries[i];
            var entry = tiff.AsSpan(10 + 12 * i, 12);
            BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], count);
            // Inline SHORTs are left-aligned, so two 16-bit values pack low word first in little-endian order.
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], value);
        }
        strip.CopyTo(tiff, stripOffset);
        return tiff;
    }
}
