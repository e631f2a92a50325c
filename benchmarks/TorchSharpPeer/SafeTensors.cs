using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// Just enough of the safetensors format (8-byte little-endian header length, JSON header, raw little-endian data)
/// for this benchmark: float32 tensors and the string metadata. TorchSharp has no reader, and the peer's
/// <c>load_safetensors</c> needs the metadata that TorchSharp.PyBridge drops.
/// </summary>
internal static class SafeTensors
{
    /// <summary>The tensors of <paramref name="path"/> by name, and its <c>__metadata__</c>.</summary>
    public static (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) Load(string path)
    {
        byte[] blob = File.ReadAllBytes(path);
        int headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(blob));
        var header = JsonNode.Parse(blob.AsSpan(8, headerLength))!.AsObject();
        var data = blob.AsSpan(8 + headerLength);
        var tensors = new Dictionary<string, Tensor>();
        var metadata = new Dictionary<string, string>();
        foreach (var (name, entry) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (key, value) in entry!.AsObject()) metadata[key] = value!.GetValue<string>();
                continue;
            }
            if (entry!["dtype"]!.GetValue<string>() != "F32")
                throw new NotSupportedException($"{path}: {name} is {entry["dtype"]}; only F32 is read here");
            long[] shape = entry["shape"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
            var offsets = entry["data_offsets"]!.AsArray();
            int start = checked((int)offsets[0]!.GetValue<long>()), end = checked((int)offsets[1]!.GetValue<long>());
            var tensor = empty(shape, ScalarType.Float32);
            data[start..end].CopyTo(tensor.bytes);
            tensors[name] = tensor;
        }
        return (tensors, metadata);
    }

    /// <summary>Writes float32 <paramref name="tensors"/> to <paramref name="path"/>, in the order given.</summary>
    public static void Save(IReadOnlyList<(string Name, Tensor Tensor)> tensors, string path)
    {
        var header = new JsonObject();
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            if (tensor.dtype != ScalarType.Float32) throw new NotSupportedException($"{name} is {tensor.dtype}; only float32 is written here");
            long length = tensor.numel() * sizeof(float);
            header[name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray(tensor.shape.Select(d => JsonValue.Create(d)).ToArray<JsonNode?>()),
                ["data_offsets"] = new JsonArray(offset, offset + length),
            };
            offset += length;
        }
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString());
        using var file = File.Create(path);
        Span<byte> length8 = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length8, (ulong)json.Length);
        file.Write(length8);
        file.Write(json);
        foreach (var (_, tensor) in tensors)
        {
            using var contiguous = tensor.contiguous();
            file.Write(contiguous.bytes);
        }
    }
}
