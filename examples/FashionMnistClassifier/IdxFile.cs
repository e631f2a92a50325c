using System.Buffers.Binary;
using System.IO.Compression;

namespace FashionMnistClassifier;

/// <summary>
/// Reads the idx format of (Fashion-)MNIST, gzipped: a big-endian header (magic 0x0000TTDD, where TT is the element
/// type and DD the number of dimensions, then one uint32 per dimension) followed by the raw elements.
/// </summary>
internal static class IdxFile
{
    private const byte UnsignedByte = 0x08;

    /// <summary>The dimensions and the bytes of an idx file of unsigned bytes.</summary>
    public static (int[] Dimensions, byte[] Data) ReadBytes(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        Span<byte> word = stackalloc byte[4];
        ReadExactly(buffered, word, path, "header");
        if (word[0] != 0 || word[1] != 0 || word[2] != UnsignedByte || word[3] is 0 or > 4)
            throw new InvalidDataException($"{path}: not an idx file of unsigned bytes (magic {Convert.ToHexString(word)})");
        var dimensions = new int[word[3]];
        long count = 1;
        for (int i = 0; i < dimensions.Length; i++)
        {
            ReadExactly(buffered, word, path, $"dimension {i}");
            uint d = BinaryPrimitives.ReadUInt32BigEndian(word);
            if (d == 0 || d > 100_000_000) throw new InvalidDataException($"{path}: dimension {i} has implausible size {d}");
            dimensions[i] = (int)d;
            count *= d;
        }
        if (count > int.MaxValue) throw new InvalidDataException($"{path}: {count} elements is more than this reader supports");
        var data = new byte[count];
        ReadExactly(buffered, data, path, "data");
        return (dimensions, data);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string path, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: file ends inside the {what}");
        }
    }
}
