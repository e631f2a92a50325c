using System.Buffers.Binary;
using System.IO.Compression;

namespace Gan.Models.Datasets;

/// <summary>
/// Reads the idx format of (Fashion-)MNIST, gzipped: a big-endian header (magic 0x0000TTDD, where TT is the element
/// type and DD the number of dimensions, then one uint32 per dimension) followed by the raw elements.
/// </summary>
public static class IdxFile
{
    private const byte UnsignedByte = 0x08;
    private const int MaxDimensions = 4;

    /// <summary>The dimensions and the bytes of a gzipped idx file of unsigned bytes.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">Not gzip, a wrong magic number, or the file ends early.</exception>
    public static (int[] Dimensions, byte[] Data) ReadBytes(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist", path);
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffered = new BufferedStream(gzip, 1 << 16);
            return Read(buffered, path);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFormatException(path, $"not a gzip stream ({e.Message})");
        }
    }

    private static (int[] Dimensions, byte[] Data) Read(Stream stream, string path)
    {
        Span<byte> word = stackalloc byte[4];
        ReadExactly(stream, word, path, "header");
        if (word[0] != 0 || word[1] != 0 || word[2] != UnsignedByte || word[3] is 0 or > MaxDimensions)
            throw new DatasetFormatException(path, $"not an idx file of unsigned bytes (magic 0x{Convert.ToHexString(word)})");
        var dimensions = new int[word[3]];
        long count = 1;
        for (int i = 0; i < dimensions.Length; i++)
        {
            ReadExactly(stream, word, path, $"size of dimension {i}");
            uint d = BinaryPrimitives.ReadUInt32BigEndian(word);
            if (d == 0 || d > 100_000_000) throw new DatasetFormatException(path, $"dimension {i} has implausible size {d}");
            dimensions[i] = (int)d;
            count *= d;
        }
        if (count > Array.MaxLength) throw new DatasetFormatException(path, $"{count} elements is more than this reader supports");
        var data = new byte[count];
        ReadExactly(stream, data, path, "data");
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
            throw new DatasetFormatException(path, $"file is truncated: it ends inside the {what}");
        }
    }
}
