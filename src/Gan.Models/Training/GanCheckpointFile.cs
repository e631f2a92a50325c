using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Gan.Torch;
using Gan.Torch.Serialization;

namespace Gan.Models.Training;

/// <summary>
/// The file layer of a training checkpoint: one safetensors file whose metadata carries a format tag and a SHA-256
/// over the canonical content (every tensor's name, dtype, shape and bytes, and every other metadata entry, in
/// ordinal order), so truncation and silent corruption are both caught on load.
/// </summary>
internal static class GanCheckpointFile
{
    public const string FormatKey = "format";
    public const string FormatValue = "gan-mlnet-training-checkpoint";
    public const string VersionKey = "format_version";
    public const string VersionValue = "1";
    public const string ChecksumKey = "checksum_sha256";

    /// <summary>Adds the format tag and checksum to <paramref name="metadata"/> and writes the file atomically (temp + rename).</summary>
    public static void Write(string path, IReadOnlyDictionary<string, Tensor> tensors, Dictionary<string, string> metadata)
    {
        metadata[FormatKey] = FormatValue;
        metadata[VersionKey] = VersionValue;
        metadata.Remove(ChecksumKey);
        metadata[ChecksumKey] = Checksum(tensors, metadata);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        SafeTensors.Save(tensors, path, metadata);
    }

    /// <summary>Reads and verifies a checkpoint; dispose the result.</summary>
    /// <exception cref="GanCheckpointException">Missing, unreadable, truncated, not a checkpoint, or failing its checksum.</exception>
    public static SafeTensorsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new GanCheckpointException(path, "the file does not exist");
        SafeTensorsFile file;
        try
        {
            file = SafeTensors.Load(path);
        }
        catch (Exception e) when (e is SafeTensorsFormatException or IOException)
        {
            throw new GanCheckpointException(path, $"the file is truncated or damaged: {e.Message}", e);
        }
        try
        {
            var metadata = file.Metadata;
            if (metadata.GetValueOrDefault(FormatKey) != FormatValue)
                throw new GanCheckpointException(path, "the file is not a GAN training checkpoint (no format tag)");
            if (metadata.GetValueOrDefault(VersionKey) != VersionValue)
                throw new GanCheckpointException(path, $"format version {metadata.GetValueOrDefault(VersionKey)} is not supported (expected {VersionValue})");
            if (!metadata.TryGetValue(ChecksumKey, out var stored))
                throw new GanCheckpointException(path, "the file has no checksum");
            string actual = Checksum(file.Tensors, metadata);
            if (actual != stored)
                throw new GanCheckpointException(path, $"the SHA-256 checksum does not match (stored {stored}, computed {actual}): the file is corrupt");
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static string Checksum(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in tensors.Keys.Order(StringComparer.Ordinal))
        {
            var tensor = tensors[name];
            AppendText(hash, name);
            AppendText(hash, tensor.DType.ToString());
            AppendInt64(hash, tensor.Dim);
            foreach (long size in tensor.Shape) AppendInt64(hash, size);
            AppendElements(hash, tensor);
        }
        foreach (var key in metadata.Keys.Where(k => k != ChecksumKey).Order(StringComparer.Ordinal))
        {
            AppendText(hash, key);
            AppendText(hash, metadata[key]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendElements(IncrementalHash hash, Tensor tensor)
    {
        switch (tensor.DType)
        {
            case DType.Float32: AppendElements<float>(hash, tensor); break;
            case DType.Float64: AppendElements<double>(hash, tensor); break;
            case DType.Int64: AppendElements<long>(hash, tensor); break;
            case DType.Int32: AppendElements<int>(hash, tensor); break;
            case DType.UInt8: AppendElements<byte>(hash, tensor); break;
            case DType.Bool: AppendElements<bool>(hash, tensor); break;
            default: throw new NotSupportedException($"checkpoints do not hold {tensor.DType} tensors");
        }
    }

    private static void AppendElements<T>(IncrementalHash hash, Tensor tensor) where T : unmanaged
    {
        T[] values = tensor.ToArray<T>();
        AppendInt64(hash, values.Length);
        hash.AppendData(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    // Length-prefixed, so no two different contents hash the same byte stream.
    private static void AppendText(IncrementalHash hash, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        AppendInt64(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.AppendData(buffer);
    }
}
