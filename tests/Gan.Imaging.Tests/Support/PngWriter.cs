using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Gan.Imaging.Tests.Support;

/// <summary>Writes PNGs by hand (valid CRCs), for layouts and damage the encoder never produces.</summary>
internal static class PngWriter
{
    /// <summary>An 8-bit PNG of <paramref name="colorType"/> whose IDAT compresses <paramref name="rows"/> (filter byte 0 added per row).</summary>
    public static byte[] Image(int width, int height, byte colorType, byte[][] rows) =>
        Chunks(width, height, colorType, ("IDAT", Compress(rows)));

    /// <summary>Like <see cref="Image"/> with <paramref name="bitDepth"/>-bit samples (big-endian when 16) and extra chunks before IDAT.</summary>
    public static byte[] Image(int width, int height, byte colorType, byte bitDepth, byte[][] rows, params (string Type, byte[] Data)[] before) =>
        Chunks(width, height, colorType, bitDepth, [.. before, ("IDAT", Compress(rows))]);

    /// <summary>Signature, IHDR (8-bit samples), the given chunks, IEND.</summary>
    public static byte[] Chunks(int width, int height, byte colorType, params (string Type, byte[] Data)[] chunks) =>
        Chunks(width, height, colorType, 8, chunks);

    private static byte[] Chunks(int width, int height, byte colorType, byte bitDepth, (string Type, byte[] Data)[] chunks)
    {
        var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType;
        WriteChunk(stream, "IHDR", header);
        foreach (var (type, data) in chunks) WriteChunk(stream, type, data);
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static byte[] Compress(byte[][] rows)
    {
        var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            foreach (var row in rows)
            {
                zlib.WriteByte(0);
                zlib.Write(row);
            }
        return output.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var word = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        stream.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        stream.Write(word);
    }

    // CRC-32 of PNG (ISO 3309, reflected polynomial 0xEDB88320), bit by bit: tiny inputs, no table needed.
    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
