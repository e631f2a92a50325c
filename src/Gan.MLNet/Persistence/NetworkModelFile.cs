using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gan.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gan.MLNet.Persistence;

/// <summary>
/// SaveWithNetworks / LoadWithNetworks: ML.NET's own model zip, written by stock <c>Model.Save</c> with placeholders
/// for our transformers, plus entries under <c>GanMLNet/</c>: each transformer's settings and weights, a manifest
/// with the SHA-256 of every entry of the file, and the manifest's own checksum. Stock <c>Model.Load</c> still opens
/// the zip (ML.NET reads entries by name) and stops at the first placeholder with a message naming LoadWithNetworks.
/// </summary>
internal static class NetworkModelFile
{
    public const int FormatVersion = 1;
    private const string Folder = "GanMLNet/";
    private const string ManifestEntry = Folder + "manifest.json";
    private const string ManifestChecksumEntry = Folder + "manifest.sha256";
    private const string FormatName = "Gan.MLNet model";

    public static void Save(ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema, Stream destination)
    {
        using var buffer = new MemoryStream();
        List<INetworkTransformer> ours;
        using (var session = NetworkSaveSession.Begin())
        {
            catalog.Save(model, inputSchema, buffer);
            ours = session.Saved;
        }
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var checksums = new JsonObject();
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).ToList())
                checksums[entry.FullName] = Sha256(ReadEntry(entry));
            var transformers = new JsonArray();
            for (int i = 0; i < ours.Count; i++)
            {
                var files = new JsonArray();
                foreach (var (name, bytes) in ours[i].SaveEntries())
                {
                    string path = $"{Folder}{i}/{name}";
                    WriteEntry(zip, path, bytes);
                    checksums[path] = Sha256(bytes);
                    files.Add(name);
                }
                transformers.Add(new JsonObject { ["kind"] = ours[i].Kind, ["settings"] = ours[i].SaveSettings(), ["entries"] = files });
            }
            var manifest = new JsonObject
            {
                ["format"] = FormatName,
                ["formatVersion"] = FormatVersion,
                ["writtenBy"] = $"Gan.MLNet {typeof(NetworkModelFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}",
                ["transformers"] = transformers,
                ["checksums"] = checksums,
            };
            byte[] manifestBytes = Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            WriteEntry(zip, ManifestEntry, manifestBytes);
            WriteEntry(zip, ManifestChecksumEntry, Encoding.ASCII.GetBytes(Sha256(manifestBytes)));
        }
        buffer.Position = 0;
        buffer.CopyTo(destination);
    }

    /// <summary>Writes under a temporary name beside <paramref name="filePath"/>, then renames: a failed save leaves no partial file.</summary>
    public static void Save(ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema, string filePath)
    {
        string target = Path.GetFullPath(filePath);
        string temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                Save(catalog, model, inputSchema, stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static ITransformer Load(ModelOperationsCatalog catalog, string filePath, out DataViewSchema inputSchema)
    {
        using var stream = File.OpenRead(filePath);
        return Load(catalog, stream, $"'{Path.GetFullPath(filePath)}'", out inputSchema);
    }

    /// <exception cref="ModelFormatException">The file is not a zip, is truncated or tampered with, or was written by a newer format version.</exception>
    public static ITransformer Load(ModelOperationsCatalog catalog, Stream stream, string name, out DataViewSchema inputSchema)
    {
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var (manifest, entries) = Verify(bytes, name);
        bytes.Position = 0;
        ITransformer stock;
        using (NetworkLoadSession.Begin())
        {
            try
            {
                stock = catalog.Load(bytes, out inputSchema);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or TargetInvocationException)
            {
                throw new ModelFormatException($"Model {name}: ML.NET cannot load its pipeline: {e.GetBaseException().Message}", e);
            }
        }
        var ours = new Queue<(string Kind, JsonObject Saved)>(manifest);
        var loaded = new List<IDisposable>();
        try
        {
            var model = Replace(stock, ours, entries, name, loaded);
            if (ours.Count > 0) throw new ModelFormatException($"Model {name}: the manifest lists {ours.Count} more Gan.MLNet transformers than the pipeline holds");
            return model;
        }
        catch
        {
            foreach (var transformer in loaded) transformer.Dispose();
            throw;
        }
    }

    /// <summary>What a model file holds, after checking every checksum.</summary>
    /// <exception cref="ModelFormatException">The file is not a model, is truncated or altered, or was written by a newer format version.</exception>
    public static NetworkModelDescription Describe(string filePath)
    {
        string name = $"'{Path.GetFullPath(filePath)}'";
        var bytes = new MemoryStream(File.ReadAllBytes(filePath));
        var (transformers, _) = Verify(bytes, name);
        bytes.Position = 0;
        using var zip = new ZipArchive(bytes, ZipArchiveMode.Read);
        var entries = zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e => new NetworkModelEntry(e.FullName, e.Length, Sha256(ReadEntry(e, name)))).ToArray();
        bool hasManifest = zip.GetEntry(ManifestEntry) is not null;
        return new NetworkModelDescription(hasManifest ? FormatVersion : 0,
            [.. transformers.Select(t => new NetworkModelComponent(t.Kind, t.Saved.ToJsonString()))], entries);
    }

    /// <summary>The manifest's transformers (kind, settings with their entries' bytes), after checking every checksum.</summary>
    private static (List<(string Kind, JsonObject Saved)> Transformers, List<Dictionary<string, byte[]>> Entries) Verify(MemoryStream bytes, string name)
    {
        bytes.Position = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(bytes, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFormatException($"Model {name} is not a model file: not a zip, or truncated ({e.Message})", e);
        }
        using (zip)
        {
            var manifestEntry = zip.GetEntry(ManifestEntry);
            if (manifestEntry is null)
            {
                // A plain ML.NET model: LoadWithNetworks opens it like Model.Load (a placeholder in it is an error).
                return ([], []);
            }
            byte[] manifestBytes = ReadEntry(manifestEntry, name);
            string expected = zip.GetEntry(ManifestChecksumEntry) is { } sum ? Encoding.ASCII.GetString(ReadEntry(sum, name)) : "";
            if (Sha256(manifestBytes) != expected)
                throw new ModelFormatException($"Model {name}: {ManifestEntry} does not match its checksum; the file was altered or damaged");
            JsonObject manifest;
            try
            {
                manifest = JsonNode.Parse(manifestBytes)?.AsObject() ?? throw new FormatException("empty");
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new ModelFormatException($"Model {name}: {ManifestEntry} is not valid JSON ({e.Message})", e);
            }
            try
            {
                return ReadManifest(zip, manifest, name);
            }
            catch (Exception e) when (e is not ModelFormatException && e is JsonException or InvalidOperationException or FormatException)
            {
                throw new ModelFormatException($"Model {name}: {ManifestEntry} is malformed ({e.Message})", e);
            }
        }
    }

    private static (List<(string, JsonObject)>, List<Dictionary<string, byte[]>>) ReadManifest(ZipArchive zip, JsonObject manifest, string name)
    {
        if ((string?)manifest["format"] != FormatName)
            throw new ModelFormatException($"Model {name}: {ManifestEntry} is not a {FormatName} manifest");
        int version = (int?)manifest["formatVersion"] ?? 0;
        if (version > FormatVersion)
            throw new ModelFormatException($"Model {name} was written by a newer Gan.MLNet ({manifest["writtenBy"]}, format version {version}); this build reads version {FormatVersion}. Update Gan.MLNet.");
        if (version < 1)
            throw new ModelFormatException($"Model {name}: format version {version} is not valid");
        var checksums = manifest["checksums"]?.AsObject() ?? throw new ModelFormatException($"Model {name}: the manifest has no checksums");
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName is ManifestEntry or ManifestChecksumEntry) continue;
            string? sum = (string?)checksums[entry.FullName];
            if (sum is null) throw new ModelFormatException($"Model {name}: entry '{entry.FullName}' is not in the manifest; the file was altered");
            if (Sha256(ReadEntry(entry, name)) != sum) throw new ModelFormatException($"Model {name}: entry '{entry.FullName}' does not match its checksum; the file was altered or damaged");
        }
        foreach (var (path, _) in checksums)
            if (zip.GetEntry(path) is null) throw new ModelFormatException($"Model {name}: entry '{path}' is missing; the file is truncated or was altered");
        var transformers = new List<(string, JsonObject)>();
        var entries = new List<Dictionary<string, byte[]>>();
        var list = manifest["transformers"]?.AsArray() ?? throw new ModelFormatException($"Model {name}: the manifest lists no transformers");
        for (int i = 0; i < list.Count; i++)
        {
            var item = list[i]?.AsObject() ?? throw new ModelFormatException($"Model {name}: transformer {i} of the manifest is empty");
            string kind = (string?)item["kind"] ?? throw new ModelFormatException($"Model {name}: transformer {i} has no kind");
            var files = new Dictionary<string, byte[]>();
            foreach (var file in item["entries"]?.AsArray() ?? [])
            {
                string fileName = (string?)file ?? "";
                var entry = zip.GetEntry($"{Folder}{i}/{fileName}") ?? throw new ModelFormatException($"Model {name}: entry '{Folder}{i}/{fileName}' is missing");
                files[fileName] = ReadEntry(entry, name);
            }
            transformers.Add((kind, item["settings"]?.AsObject() ?? new JsonObject()));
            entries.Add(files);
        }
        return (transformers, entries);
    }

    // Depth first, as stock Save visited them: each placeholder becomes the next transformer of the manifest; chains
    // are rebuilt with their members' scopes.
    private static ITransformer Replace(ITransformer transformer, Queue<(string Kind, JsonObject Saved)> ours, List<Dictionary<string, byte[]>> entries,
        string name, List<IDisposable> loaded)
    {
        if (NetworkPlaceholders.KindOf(transformer) is { } kind)
        {
            if (!ours.TryDequeue(out var next))
                throw new ModelFormatException($"Model {name} holds a {kind} placeholder that its manifest does not describe; the file was altered");
            if (next.Kind != kind)
                throw new ModelFormatException($"Model {name}: the manifest describes a {next.Kind} where the pipeline holds a {kind}");
            int index = entries.Count - ours.Count - 1;
            ITransformer real;
            try
            {
                real = kind switch
                {
                    GanGeneratingTransformer.ModelKind => GanGeneratingTransformer.Load(next.Saved, entries[index]),
                    SuperResolvingTransformer.ModelKind => SuperResolvingTransformer.Load(next.Saved, entries[index]),
                    _ => throw new ModelFormatException($"Model {name}: unknown transformer kind '{kind}'"),
                };
            }
            catch (Exception e) when (e is not ModelFormatException && e is FormatException or JsonException or InvalidOperationException)
            {
                throw new ModelFormatException($"Model {name}: transformer {index} ({kind}) does not load: {e.Message}", e);
            }
            loaded.Add((IDisposable)real);
            return real;
        }
        if (transformer is TransformerChain<ITransformer> chain)
        {
            var members = chain.ToArray();
            var scopes = members.Select(m => ScopeOf(chain, m)).ToArray();
            return new TransformerChain<ITransformer>([.. members.Select(m => Replace(m, ours, entries, name, loaded))], scopes);
        }
        return transformer;
    }

    // TransformerChain keeps its scopes private; they follow from membership in GetModelFor.
    private static TransformerScope ScopeOf(TransformerChain<ITransformer> chain, ITransformer member)
    {
        var scope = TransformerScope.None;
        foreach (var single in (TransformerScope[])[TransformerScope.Training, TransformerScope.Testing, TransformerScope.Scoring])
            if (chain.GetModelFor(single).Any(m => ReferenceEquals(m, member))) scope |= single;
        return scope;
    }

    private static void WriteEntry(ZipArchive zip, string path, byte[] bytes)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        stream.Write(bytes);
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry, string? name = null)
    {
        try
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ModelFormatException($"Model {name}: entry '{entry.FullName}' is damaged ({e.Message})", e);
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
