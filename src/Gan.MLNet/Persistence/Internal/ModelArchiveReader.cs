using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gan.MLNet.Data;

/// <summary>
/// Opens a model zip and checks it before anything is built: the zip is readable, the manifest is there and is of a
/// format version this build reads, every listed entry exists and matches its SHA-256. Components are then loaded
/// through the context's <see cref="ModelComponentRegistry"/>.
/// </summary>
internal sealed class ModelArchiveReader
{
    private readonly Dictionary<string, byte[]> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Component> _components = [];
    private readonly HashSet<int> _loading = [];
    private readonly JsonObject _manifest;

    public sealed record Component(int Id, string Kind, TransformerScope? Scope, JsonObject Options, int[] Parts, HashSet<string> Entries);

    public ModelArchiveReader(Stream stream, string source)
    {
        if (stream.CanSeek && stream.Length == 0)
            throw new ModelFormatException($"{source} is empty (0 bytes), not a model.");
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFormatException($"{source} is not a model: not a zip archive, or truncated ({e.Message}).", e);
        }
        using (zip)
        {
            _manifest = ReadManifest(zip);
            CheckFormat();
            foreach (var listed in Array(_manifest, "entries", "the manifest"))
            {
                var entry = Object(listed, "an entry of the manifest");
                string name = String(entry, "name", "an entry of the manifest");
                string sha256 = String(entry, "sha256", $"entry '{name}'");
                _entries[name] = ReadVerified(zip, name, sha256);
            }
        }
        foreach (var node in Array(_manifest, "components", "the manifest"))
        {
            var component = ParseComponent(node);
            if (!_components.TryAdd(component.Id, component))
                throw new ModelFormatException($"The manifest lists component {component.Id} twice.");
        }
    }

    public int RootId => Int(_manifest, "root", "the manifest");

    public int FormatVersion => Int(_manifest, "formatVersion", "the manifest");

    public IEnumerable<Component> Components => _components.Values.OrderBy(c => c.Id);

    public IReadOnlyDictionary<string, byte[]> Entries => _entries;

    public JsonArray InputSchema => Array(_manifest, "inputSchema", "the manifest");

    public Component GetComponent(int id) =>
        _components.TryGetValue(id, out var component) ? component : throw new ModelFormatException($"The manifest refers to component {id}, which it does not list.");

    public byte[] ReadEntry(string name) =>
        _entries.TryGetValue(name, out var content) ? content : throw new ModelFormatException($"Entry '{name}' is not listed in the manifest.");

    public ITransformer LoadComponent(MLContext context, Component component)
    {
        if (!_loading.Add(component.Id))
            throw new ModelFormatException($"Component {component.Id} ({component.Kind}) is its own part.");
        var loader = context.Model.Components.Get(component.Kind, component.Id);
        var loaded = loader(new ModelLoadContext(context, this, component));
        _loading.Remove(component.Id);
        return loaded;
    }

    private static JsonObject ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(ModelManifest.EntryName) ?? throw new ModelFormatException($"Missing entry '{ModelManifest.EntryName}': not a model file.");
        try
        {
            using var stream = entry.Open();
            return JsonNode.Parse(stream) as JsonObject ?? throw new ModelFormatException($"Entry '{ModelManifest.EntryName}' is not a JSON object.");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new ModelFormatException($"Entry '{ModelManifest.EntryName}' is corrupt: {e.Message}", e);
        }
    }

    private void CheckFormat()
    {
        string format = String(_manifest, "format", "the manifest");
        if (format != ModelManifest.FormatName)
            throw new ModelFormatException($"The manifest is of format '{format}', not '{ModelManifest.FormatName}'.");
        int version = Int(_manifest, "formatVersion", "the manifest");
        if (version > ModelManifest.FormatVersion)
            throw new ModelFormatException($"The model was written by format {version}; this build reads up to {ModelManifest.FormatVersion}. Use a newer Gan.MLNet.");
        if (version < 1)
            throw new ModelFormatException($"The manifest has format version {version}, which does not exist.");
    }

    private static byte[] ReadVerified(ZipArchive zip, string name, string sha256)
    {
        var entry = zip.GetEntry(name) ?? throw new ModelFormatException($"Missing entry '{name}' (listed in the manifest).");
        byte[] content;
        try
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            content = copy.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ModelFormatException($"Checksum mismatch in entry '{name}': the zip layer rejects it ({e.Message}).", e);
        }
        string actual = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelFormatException($"Checksum mismatch in entry '{name}': its SHA-256 is {actual}, the manifest records {sha256}.");
        return content;
    }

    private static Component ParseComponent(JsonNode? node)
    {
        var json = Object(node, "a component of the manifest");
        int id = Int(json, "id", "a component of the manifest");
        string where = $"component {id}";
        string kind = String(json, "kind", where);
        TransformerScope? scope = null;
        if (json["scope"] is JsonValue scopeValue)
        {
            if (!scopeValue.TryGetValue(out string? text) || !Enum.TryParse<TransformerScope>(text, out var parsed))
                throw new ModelFormatException($"Component {id} ({kind}) has scope '{scopeValue}', which is not a transformer scope.");
            scope = parsed;
        }
        var options = json["options"] as JsonObject ?? throw new ModelFormatException($"Component {id} ({kind}) has no options object.");
        int[] parts = [.. Array(json, "parts", where).Select(p => p is JsonValue v && v.TryGetValue(out int part) ? part : throw new ModelFormatException($"Component {id} ({kind}) lists a part that is not a component id."))];
        var entries = Array(json, "entries", where).Select(e => e is JsonValue v && v.TryGetValue(out string? name) ? name : throw new ModelFormatException($"Component {id} ({kind}) lists an entry that is not a name.")).ToHashSet(StringComparer.Ordinal);
        return new Component(id, kind, scope, options, parts, entries);
    }

    internal static JsonObject Object(JsonNode? node, string where) =>
        node as JsonObject ?? throw new ModelFormatException($"The manifest is malformed: {where} is not an object.");

    internal static JsonArray Array(JsonObject json, string name, string where) =>
        json[name] as JsonArray ?? throw new ModelFormatException($"The manifest is malformed: {where} has no '{name}' list.");

    internal static string String(JsonObject json, string name, string where) =>
        json[name] is JsonValue value && value.TryGetValue(out string? text) ? text : throw new ModelFormatException($"The manifest is malformed: {where} has no '{name}' text.");

    internal static int Int(JsonObject json, string name, string where) =>
        json[name] is JsonValue value && value.TryGetValue(out int number) ? number : throw new ModelFormatException($"The manifest is malformed: {where} has no '{name}' number.");
}
