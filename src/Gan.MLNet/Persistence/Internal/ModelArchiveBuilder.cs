using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gan.MLNet.Data;

/// <summary>
/// Collects a model in memory — the input schema, every component's kind, options, parts and entries — and then writes
/// it as one zip. Collecting first means a component that cannot save fails before anything is written.
/// </summary>
internal sealed class ModelArchiveBuilder
{
    private readonly List<(string Name, byte[] Content)> _entries = [];
    private readonly List<Component> _components = [];
    private JsonArray _inputSchema = [];

    public sealed class Component(int id, TransformerScope? scope)
    {
        public int Id { get; } = id;

        public TransformerScope? Scope { get; } = scope;

        public string? Kind { get; set; }

        public JsonObject Options { get; } = [];

        public List<int> Parts { get; } = [];

        public List<string> Entries { get; } = [];
    }

    public void SetInputSchema(DataViewSchema schema) => _inputSchema = SchemaJson.Write(schema, this);

    public string AddEntry(string name, byte[] content)
    {
        if (_entries.Any(e => e.Name == name))
            throw new ArgumentException($"Entry '{name}' is written twice.", nameof(name));
        _entries.Add((name, content));
        return name;
    }

    public Component AddComponent(ICanSaveModel transformer, TransformerScope? scope)
    {
        var component = new Component(_components.Count, scope);
        _components.Add(component);
        transformer.Save(new ModelSaveContext(this, component));
        if (string.IsNullOrWhiteSpace(component.Kind))
            throw new InvalidOperationException($"{transformer.GetType().Name}.Save did not set the component kind.");
        return component;
    }

    public void WriteTo(Stream stream)
    {
        var manifest = new JsonObject
        {
            ["format"] = ModelManifest.FormatName,
            ["formatVersion"] = ModelManifest.FormatVersion,
            ["inputSchema"] = _inputSchema,
            ["root"] = 0,
            ["components"] = new JsonArray([.. _components.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["kind"] = c.Kind,
                ["scope"] = c.Scope?.ToString(),
                ["options"] = c.Options.DeepClone(),
                ["parts"] = new JsonArray([.. c.Parts.Select(p => (JsonNode)p)]),
                ["entries"] = new JsonArray([.. c.Entries.Select(e => (JsonNode)e)]),
            })]),
            ["entries"] = new JsonArray([.. _entries.Select(e => (JsonNode)new JsonObject
            {
                ["name"] = e.Name,
                ["length"] = e.Content.Length,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(e.Content)),
            })]),
        };
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Write(zip, ModelManifest.EntryName, JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true }));
        foreach (var (name, content) in _entries)
            Write(zip, name, content);
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        // Uncompressed: entries are small JSON or already dense binary (weights), and an entry's bytes stay inspectable.
        using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        entry.Write(content);
    }
}
