using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Training;

/// <summary>
/// The file layer of a training checkpoint: one safetensors file whose metadata carries a format tag and a SHA-256
/// over the canonical content (every tensor's name, dtype, shape and bytes, and every other metadata entry, in
/// ordinal order), so truncation and silent corruption are both caught on load.
/// </summary>
/// <remarks>
/// Version 2 holds TorchSharp's optimizer state (<see cref="AdamState"/>: a step count per parameter); version 1 files
/// were written by the releases before the move to TorchSharp and are refused with a message that says so.
/// </remarks>
internal static class GanCheckpointFile
{
    public const string FormatKey = "format";
    public const string FormatValue = "gan-mlnet-training-checkpoint";
    public const string VersionKey = "format_version";
    public const string VersionValue = "2";
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
            if (metadata.GetValueOrDefault(VersionKey) is var version && version != VersionValue)
                throw new GanCheckpointException(path, version == "1"
                    ? $"format version 1 was written before the move to TorchSharp and cannot be resumed by this version (format {VersionValue}); " +
                      "train again, or finish the run with the release that wrote it"
                    : $"format version {version ?? "(none)"} is not supported (expected {VersionValue})");
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
            AppendText(hash, SafeTensorsDType.Name(tensor.dtype));
            AppendInt64(hash, tensor.dim());
            foreach (long size in tensor.shape) AppendInt64(hash, size);
            AppendElements(hash, tensor);
        }
        foreach (var key in metadata.Keys.Where(k => k != ChecksumKey).Order(StringComparer.Ordinal))
        {
            AppendText(hash, key);
            AppendText(hash, metadata[key]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Row-major bytes whatever the device and layout, as the file holds them.
    private static void AppendElements(IncrementalHash hash, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var bytes = tensor.detach().cpu().contiguous().bytes;
        AppendInt64(hash, tensor.numel());
        hash.AppendData(bytes);
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
