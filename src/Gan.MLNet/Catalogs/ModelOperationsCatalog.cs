using Gan.Models.IO;
using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>
/// Operations on trained models (<c>mlContext.Model</c>): <see cref="Save(ITransformer, DataViewSchema, string)"/> writes a
/// transformer (usually a chain) and the schema it expects into one zip; <see cref="Load(string, out DataViewSchema)"/>
/// reads it back through the closed <see cref="Components"/> registry. The zip holds <c>manifest.json</c> (format
/// name and version, the input schema, each component's kind, options, scope, parts and entries, and a SHA-256 per
/// entry) and the entries, stored uncompressed.
/// </summary>
public sealed class ModelOperationsCatalog
{
    private const string Source = nameof(ModelOperationsCatalog);

    internal ModelOperationsCatalog(MLContext context)
    {
        Context = context;
        Components = new ModelComponentRegistry();
    }

    internal MLContext Context { get; }

    /// <summary>The component kinds this context can load: the built-in transformers, plus those registered explicitly.</summary>
    public ModelComponentRegistry Components { get; }

    /// <summary>Writes <paramref name="model"/> and <paramref name="inputSchema"/> to <paramref name="stream"/>.</summary>
    /// <param name="model">The model; every part must implement <see cref="ICanSaveModel.Save"/>.</param>
    /// <param name="inputSchema">The schema of the data the model is applied to; checked against the model.</param>
    /// <param name="stream">Where to write; left open. Nothing is written when a component cannot be saved.</param>
    /// <exception cref="NotSupportedException">A component, or an input column's type, cannot be saved.</exception>
    public void Save(ITransformer model, DataViewSchema inputSchema, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Build(model, inputSchema).WriteTo(stream);
    }

    /// <summary>
    /// Writes <paramref name="model"/> and <paramref name="inputSchema"/> to <paramref name="filePath"/>, atomically: the
    /// zip is written beside it under a temporary name and renamed into place when complete, so a failure leaves an
    /// existing file as it was.
    /// </summary>
    /// <param name="model">The model; every part must implement <see cref="ICanSaveModel.Save"/>.</param>
    /// <param name="inputSchema">The schema of the data the model is applied to; checked against the model.</param>
    /// <param name="filePath">The destination; replaced when it exists.</param>
    /// <exception cref="NotSupportedException">A component, or an input column's type, cannot be saved.</exception>
    public void Save(ITransformer model, DataViewSchema inputSchema, string filePath)
    {
        var archive = Build(model, inputSchema);
        AtomicFile.Write(filePath, archive.WriteTo);
        Context.WriteLog(Source, ChannelMessageKind.Info, $"Saved the model to '{Path.GetFullPath(filePath)}'.");
    }

    /// <summary>Reads a model written by <see cref="Save(ITransformer, DataViewSchema, Stream)"/>.</summary>
    /// <param name="stream">The model zip (seekable).</param>
    /// <param name="inputSchema">The schema the model was saved with.</param>
    /// <exception cref="ModelFormatException">The stream is not a readable model: not a zip or truncated, a newer format version, a missing entry, a checksum mismatch, or an unknown component kind.</exception>
    public ITransformer Load(Stream stream, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Load(stream, "The stream", out inputSchema);
    }

    /// <summary>Reads a model written by <see cref="Save(ITransformer, DataViewSchema, string)"/>.</summary>
    /// <param name="filePath">The model file.</param>
    /// <param name="inputSchema">The schema the model was saved with.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelFormatException">The file is not a readable model (see <see cref="Load(Stream, out DataViewSchema)"/>).</exception>
    public ITransformer Load(string filePath, out DataViewSchema inputSchema)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        using var stream = File.OpenRead(filePath);
        return Load(stream, $"'{Path.GetFullPath(filePath)}'", out inputSchema);
    }

    /// <summary>
    /// Describes a model file without building it: format version, each component's kind and options, each entry's
    /// size and SHA-256. Opening checks the archive exactly as <see cref="Load(string, out DataViewSchema)"/> does
    /// (manifest, format version, every checksum), so a described model is an intact one.
    /// </summary>
    /// <param name="filePath">The model file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelFormatException">The file is not an intact model.</exception>
    public ModelDescription Describe(string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        using var stream = File.OpenRead(filePath);
        var reader = new ModelArchiveReader(stream, $"'{Path.GetFullPath(filePath)}'");
        var components = reader.Components
            .Select(c => new ModelComponentDescription(c.Id, c.Kind, c.Options.ToJsonString()))
            .ToArray();
        var entries = reader.Entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ModelEntryDescription(e.Key, e.Value.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(e.Value))))
            .ToArray();
        return new ModelDescription(reader.FormatVersion, stream.Length, reader.RootId, components, entries);
    }

    private ModelArchiveBuilder Build(ITransformer model, DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        model.GetOutputSchema(inputSchema);
        var archive = new ModelArchiveBuilder();
        archive.SetInputSchema(inputSchema);
        archive.AddComponent(model, scope: null);
        return archive;
    }

    private ITransformer Load(Stream stream, string source, out DataViewSchema inputSchema)
    {
        var archive = new ModelArchiveReader(stream, source);
        inputSchema = SchemaJson.Read(archive.InputSchema, archive);
        var root = archive.GetComponent(archive.RootId);
        if (root.Scope is not null)
            throw new ModelFormatException($"The root component {root.Id} ({root.Kind}) has a scope; only parts of a chain have one.");
        return archive.LoadComponent(Context, root);
    }
}
