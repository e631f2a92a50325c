using System.Buffers.Binary;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>
/// Reads and validates the safetensors layout. Every size in the header is checked against the real length of the
/// input before anything is allocated, so a lying header cannot make the reader allocate more than the file holds.
/// </summary>
internal static class SafeTensorsReader
{
    /// <summary>Upper bound on the JSON header, as in the reference implementation.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private const string MetadataKey = "__metadata__";

    private sealed record Entry(string Name, ScalarType DType, long[] Shape, long Begin, long End);

    public static SafeTensorsFile Read(Stream stream, string? path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SafeTensors.RequireLittleEndian();
        if (!stream.CanSeek)
        {
            // The length must be known up front to check the header against it.
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        try
        {
            return ReadSeekable(stream, path);
        }
        catch (EndOfStreamException e)
        {
            throw new SafeTensorsFormatException("the data ended early (was the file changed while it was read?)", path, e);
        }
    }

    private static SafeTensorsFile ReadSeekable(Stream stream, string? path)
    {
        long available = stream.Length - stream.Position;
        if (available < 8)
            throw new SafeTensorsFormatException($"{available} bytes is too short for a safetensors file (the header length alone takes 8)", path);
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderBytes)
            throw new SafeTensorsFormatException($"the header length {headerLength} exceeds the {MaxHeaderBytes}-byte limit", path);
        if ((long)headerLength > available - 8)
            throw new SafeTensorsFormatException($"the header length {headerLength} exceeds the {available - 8} bytes that follow it", path);
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        long dataLength = available - 8 - (long)headerLength;

        var (entries, metadata) = ParseHeader(header, path);
        CheckOffsets(entries, dataLength, path);
        return new SafeTensorsFile(ReadTensors(stream, entries, path), metadata);
    }

    private static (List<Entry>, Dictionary<string, string>) ParseHeader(byte[] header, string? path)
    {
        if (header.Length == 0 || header[0] != (byte)'{')
            throw new SafeTensorsFormatException("the header is not a JSON object", path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw new SafeTensorsFormatException($"the header is not valid JSON: {e.Message}", path, e);
        }
        using (document)
        {
            var entries = new List<Entry>();
            var metadata = new Dictionary<string, string>();
            var seen = new HashSet<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw new SafeTensorsFormatException($"the header names \"{property.Name}\" twice", path);
                if (property.Name == MetadataKey) ReadMetadata(property.Value, metadata, path);
                else entries.Add(ReadEntry(property.Name, property.Value, path));
            }
            return (entries, metadata);
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata, string? path)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new SafeTensorsFormatException($"\"{MetadataKey}\" is not an object of strings", path);
        foreach (var item in element.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw new SafeTensorsFormatException($"metadata entry \"{item.Name}\" is not a string", path);
            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
                throw new SafeTensorsFormatException($"metadata entry \"{item.Name}\" appears twice", path);
        }
    }

    private static Entry ReadEntry(string name, JsonElement element, string? path)
    {
        SafeTensorsFormatException Bad(string what) => new($"tensor \"{name}\": {what}", path);
        if (element.ValueKind != JsonValueKind.Object) throw Bad("its description is not an object");
        if (!element.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw Bad("no dtype");
        string dtypeName = dtypeElement.GetString()!;
        var dtype = SafeTensorsDType.Parse(dtypeName)
                    ?? throw Bad($"unsupported dtype \"{dtypeName}\" (supported: {SafeTensorsDType.Supported})");
        long[] shape = Integers(element, "shape", Bad);
        long[] offsets = Integers(element, "data_offsets", Bad);
        if (offsets.Length != 2) throw Bad("data_offsets must hold exactly [begin, end]");
        if (offsets[1] < offsets[0]) throw Bad($"data_offsets [{offsets[0]}, {offsets[1]}] end before they begin");
        long expected;
        try
        {
            expected = SafeTensorsDType.ElementSize(dtype);
            foreach (var d in shape) expected = checked(expected * d);
        }
        catch (OverflowException)
        {
            throw Bad($"shape [{string.Join(", ", shape)}] is too large");
        }
        if (expected != offsets[1] - offsets[0])
            throw Bad($"shape [{string.Join(", ", shape)}] of {dtypeName} needs {expected} bytes but data_offsets " +
                      $"[{offsets[0]}, {offsets[1]}] span {offsets[1] - offsets[0]}");
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] Integers(JsonElement element, string property, Func<string, SafeTensorsFormatException> bad)
    {
        if (!element.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
            throw bad($"no {property} array");
        var values = new long[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long value) || value < 0)
                throw bad($"{property} holds {item.GetRawText()}, not a non-negative integer");
            values[i++] = value;
        }
        return values;
    }

    // Like the reference reader: in offset order the tensors must tile the data section exactly, with no overlap or gap.
    private static void CheckOffsets(List<Entry> entries, long dataLength, string? path)
    {
        long position = 0;
        foreach (var entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.Begin != position)
                throw new SafeTensorsFormatException(entry.Begin < position
                    ? $"tensor \"{entry.Name}\" at bytes [{entry.Begin}, {entry.End}] overlaps the previous tensor, which ends at {position}"
                    : $"tensor \"{entry.Name}\" starts at byte {entry.Begin} but the previous tensor ends at {position}", path);
            if (entry.End > dataLength)
                throw new SafeTensorsFormatException(
                    $"tensor \"{entry.Name}\" at bytes [{entry.Begin}, {entry.End}] lies beyond the {dataLength}-byte data section " +
                    "(the file is truncated or the offsets are wrong)", path);
            position = entry.End;
        }
        if (position != dataLength)
            throw new SafeTensorsFormatException($"the data section holds {dataLength} bytes but the tensors cover {position}", path);
    }

    private static OrderedDictionary<string, Tensor> ReadTensors(Stream stream, List<Entry> entries, string? path)
    {
        long dataStart = stream.Position;
        var tensors = new OrderedDictionary<string, Tensor>();
        try
        {
            foreach (var entry in entries)
                tensors.Add(entry.Name, ReadTensor(stream, dataStart, entry, path));
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        return tensors;
    }

    private static Tensor ReadTensor(Stream stream, long dataStart, Entry entry, string? path)
    {
        long count = entry.End - entry.Begin;
        if (count > int.MaxValue)
            throw new NotSupportedException($"tensor \"{entry.Name}\" holds {count} bytes; tensors above {int.MaxValue} bytes cannot be loaded");
        stream.Position = dataStart + entry.Begin;
        // Read straight into the tensor's own CPU storage: one copy, no managed buffer.
        var tensor = empty(entry.Shape, entry.DType, CPU).DetachFromDisposeScope();
        try
        {
            var bytes = tensor.bytes;
            stream.ReadExactly(bytes);
            if (entry.DType == ScalarType.Bool && bytes.IndexOfAnyExcept((byte)0, (byte)1) is int bad and >= 0)
                throw new SafeTensorsFormatException($"tensor \"{entry.Name}\" is BOOL but byte {bad} holds {bytes[bad]}, not 0 or 1", path);
            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }
}
