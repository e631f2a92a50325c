using System.Buffers.Binary;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>Writes the safetensors layout the way the reference implementation does, so equal inputs give equal bytes.</summary>
internal static class SafeTensorsWriter
{
    private const string MetadataKey = "__metadata__";

    private sealed record Entry(string Name, Tensor Tensor, ScalarType DType, long[] Shape, long ByteCount);

    public static void Write(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(stream);
        SafeTensors.RequireLittleEndian();
        var entries = Layout(tensors);
        byte[] header = Header(entries, metadata);

        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        foreach (var entry in entries) WriteData(entry, stream);
    }

    // The reference order: descending dtype alignment, then name (bytewise on UTF-8).
    private static List<Entry> Layout(IReadOnlyDictionary<string, Tensor> tensors)
    {
        var entries = new List<Entry>(tensors.Count);
        foreach (var (name, tensor) in tensors)
        {
            ArgumentNullException.ThrowIfNull(tensor, nameof(tensors));
            if (name == MetadataKey)
                throw new ArgumentException($"\"{MetadataKey}\" is reserved for metadata and cannot name a tensor", nameof(tensors));
            var dtype = tensor.dtype;
            if (SafeTensorsDType.NameOrNull(dtype) is null)
                throw new ArgumentException($"tensor \"{name}\" holds {dtype}, which is not saved here (supported: {SafeTensorsDType.Supported})", nameof(tensors));
            entries.Add(new Entry(name, tensor, dtype, tensor.shape, tensor.numel() * SafeTensorsDType.ElementSize(dtype)));
        }
        entries.Sort((a, b) =>
        {
            int byDType = SafeTensorsDType.Rank(b.DType).CompareTo(SafeTensorsDType.Rank(a.DType));
            return byDType != 0 ? byDType : Encoding.UTF8.GetBytes(a.Name).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Name));
        });
        return entries;
    }

    private static byte[] Header(List<Entry> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps names readable; the header is never embedded in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            // Omitted when empty so that a file without metadata reads and re-writes to the same bytes.
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var entry in entries)
            {
                json.WriteStartObject(entry.Name);
                json.WriteString("dtype", SafeTensorsDType.Name(entry.DType));
                json.WriteStartArray("shape");
                foreach (var d in entry.Shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += entry.ByteCount);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        // Pad with spaces so that the data section starts 8-byte aligned.
        int padding = (int)((8 - buffer.Length % 8) % 8);
        for (int i = 0; i < padding; i++) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    private static void WriteData(Entry entry, Stream stream)
    {
        if (entry.ByteCount == 0) return;
        if (entry.ByteCount > int.MaxValue)
            throw new NotSupportedException($"tensor \"{entry.Name}\" holds {entry.ByteCount} bytes; tensors above {int.MaxValue} bytes cannot be saved");
        using var scope = NewDisposeScope();
        // Row-major CPU bytes whatever the tensor's device and layout (channels-last weights included).
        using var noGrad = no_grad();
        var cpu = entry.Tensor.detach().cpu().contiguous();
        stream.Write(cpu.bytes);
    }
}
