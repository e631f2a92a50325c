using Gan.Models.IO;
using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>
/// Reads and writes the safetensors format, metadata included, which TorchSharp does not.
/// </summary>
/// <remarks>
/// The format (huggingface/safetensors): an 8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and byte range plus optional string metadata, then the raw little-endian row-major bytes. Files
/// written here load in PyTorch and Hugging Face tools and vice versa. Supported dtypes: F32, F64, I64, I32, U8, BOOL.
/// </remarks>
public static class SafeTensors
{
    /// <summary>
    /// Writes <paramref name="tensors"/> (as CPU row-major bytes) and <paramref name="metadata"/> to
    /// <paramref name="path"/> atomically: readers see either the old file or the complete new one.
    /// </summary>
    /// <exception cref="ArgumentException">A tensor is named "__metadata__" or holds a dtype the format has no name for here.</exception>
    public static void Save(IReadOnlyDictionary<string, Tensor> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        AtomicFile.Write(path, stream => SafeTensorsWriter.Write(tensors, metadata, stream));

    /// <summary>
    /// Writes <paramref name="tensors"/> (as CPU row-major bytes) and <paramref name="metadata"/> (omitted when
    /// empty) to <paramref name="stream"/> in safetensors format.
    /// </summary>
    /// <exception cref="ArgumentException">A tensor is named "__metadata__" or holds a dtype the format has no name for here.</exception>
    public static void Save(IReadOnlyDictionary<string, Tensor> tensors, Stream stream, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafeTensorsWriter.Write(tensors, metadata, stream);

    /// <summary>Reads every tensor (to the CPU) and the metadata of the safetensors file at <paramref name="path"/>; dispose the result.</summary>
    /// <exception cref="SafeTensorsFormatException">The file is not valid safetensors (the message names the file and the problem).</exception>
    public static SafeTensorsFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return SafeTensorsReader.Read(file, path);
    }

    /// <summary>
    /// Reads every tensor and the metadata from <paramref name="stream"/>, from its position to its end, which must
    /// hold exactly one safetensors file; dispose the result. A stream that cannot seek is first read into memory.
    /// </summary>
    /// <exception cref="SafeTensorsFormatException">The data is not valid safetensors.</exception>
    public static SafeTensorsFile Load(Stream stream) => SafeTensorsReader.Read(stream, null);

    /// <summary>The format is little-endian; tensors are copied as they are in memory.</summary>
    internal static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("safetensors I/O needs a little-endian machine");
    }
}
