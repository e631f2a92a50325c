using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gan.Imaging;
using Gan.MLNet.DataViews;
using Gan.MLNet.Persistence;
using Gan.Models.SuperResolution;
using Gan.Models.Torch;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Upscales an image column with an SRResNet (<c>mlContext.Transforms.SuperResolve</c>).
/// </summary>
/// <remarks>
/// Each row's image (any size; gray, color or with alpha) becomes Scale × its size in the output column, through
/// overlapping tiles (<see cref="SuperResolver"/>). Opaque gray images are upscaled as gray and opaque color ones as
/// RGB, exactly as <c>gan upscale</c> does with the same files; alpha is upscaled with the color and premultiplied as
/// MLImage keeps it. Lazy: nothing is computed until the output column is read. A cursor of <see cref="Transform"/>
/// reads up to <see cref="RowBatchSize"/> rows (at most <see cref="MaxPendingPixels"/> input pixels) ahead and
/// upscales their tiles together; <see cref="GetRowToRowMapper"/> (PredictionEngine) upscales row by row. Input
/// images are borrowed: never disposed or kept past the cursor's next move. An output image is valid until its cursor
/// moves, as with ML.NET's image stages. SaveWithNetworks writes the network's weights into the model file, so a
/// loaded transformer needs no other file and gives identical images. Holds the network's native memory: dispose it
/// when done. Safe to use from several cursors (network calls take turns).
/// </remarks>
public sealed class SuperResolvingTransformer : ITransformer, IDisposable, INetworkTransformer
{
    internal const string ModelKind = "SuperResolve";
    private const string NetworkEntry = "srresnet.safetensors";

    private readonly SrResNet _network;
    private readonly SuperResolver _resolver;
    private readonly Settings _settings;
    private readonly Lock _networkLock = new();

    internal SuperResolvingTransformer(SrResNet network, Settings settings)
    {
        _network = network;
        _settings = settings;
        _resolver = new SuperResolver(network, new SuperResolverOptions { TileSize = settings.TileSize, Overlap = settings.Overlap, BatchSize = settings.TileBatchSize });
    }

    /// <summary>The upscaled image column.</summary>
    public string OutputColumnName => _settings.OutputColumnName;

    /// <summary>The image column that is upscaled.</summary>
    public string InputColumnName => _settings.InputColumnName;

    /// <summary>The upscaling factor.</summary>
    public int Scale => _network.Scale;

    /// <summary>Where the network came from when the estimator was fitted.</summary>
    public SuperResolveModelSource ModelSource => _settings.ModelSource;

    /// <summary>The network's architecture (a copy).</summary>
    public SrResNetOptions NetworkOptions => _network.Options.Clone();

    /// <summary>The tiling in use (a copy; a null overlap means the network's receptive radius).</summary>
    public SuperResolverOptions Tiling => new() { TileSize = _settings.TileSize, Overlap = _settings.Overlap, BatchSize = _settings.TileBatchSize };

    /// <summary>Rows a cursor reads ahead to upscale together.</summary>
    public int RowBatchSize => _settings.RowBatchSize;

    /// <summary>Input pixels after which a cursor stops reading ahead.</summary>
    public long MaxPendingPixels => _settings.MaxPendingPixels;

    /// <summary>Always true: PredictionEngine upscales one image at a time.</summary>
    public bool IsRowToRowMapper => true;

    string INetworkTransformer.Kind => ModelKind;

    /// <summary>Writes the network (weights and options, as safetensors) into <paramref name="path"/> atomically, for use outside pipelines.</summary>
    /// <param name="path">The file to write.</param>
    public void SaveNetwork(string path) => SrResNetSerialization.Save(_network, path);

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => GetRowToRowMapper(inputSchema).OutputSchema;

    /// <inheritdoc />
    /// <exception cref="ColumnNotFoundException">The input column is missing.</exception>
    /// <exception cref="SchemaMismatchException">The input column is not an image column.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new Mapper(this, inputSchema);
    }

    /// <summary>The lazy upscaled view; its cursors upscale several rows' tiles together (see the remarks).</summary>
    /// <param name="input">The data.</param>
    /// <exception cref="ColumnNotFoundException">The input column is missing.</exception>
    /// <exception cref="SchemaMismatchException">The input column is not an image column.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mapper = new Mapper(this, input.Schema);
        return new ReadAheadUpscalingDataView(input, mapper, input.Schema.Count, mapper.Input, this);
    }

    /// <summary>The output type for an input column: the input's known size × scale, or an image of any size.</summary>
    /// <exception cref="SchemaMismatchException">The input is not an image column.</exception>
    internal static ImageDataViewType OutputType(string inputColumnName, DataViewType inputType, int scale) => inputType switch
    {
        ImageDataViewType { Height: > 0 } image => new ImageDataViewType(image.Height * scale, image.Width * scale),
        ImageDataViewType => new ImageDataViewType(),
        _ => throw new SchemaMismatchException(inputColumnName, "an image column (LoadImages, ResizeImages, ConvertToImage)", inputType.ToString()),
    };

    /// <summary>Upscales borrowed images together into new MLImages the caller owns.</summary>
    /// <exception cref="InvalidColumnValueException">An image is missing (null); <paramref name="positions"/> name the rows.</exception>
    internal MLImage[] Upscale(IReadOnlyList<Image?> images, IReadOnlyList<long> positions)
    {
        for (int i = 0; i < images.Count; i++)
            if (images[i] is null) throw new InvalidColumnValueException(InputColumnName, positions[i], "the image is missing (null)");
        IReadOnlyList<Image> upscaled;
        try
        {
            lock (_networkLock)
                upscaled = images.Count == 0 ? [] : _resolver.Upscale([.. images.Select(i => i!)]);
        }
        catch (ExternalException e)
        {
            throw TorchException.From(e, $"SuperResolve: upscaling '{InputColumnName}'");
        }
        return [.. upscaled.Select(MLImageConversion.ToMLImage)];
    }

    void ICanSaveModel.Save(ModelSaveContext ctx) => NetworkSaveSession.SavePlaceholder(this, ctx);

    JsonObject INetworkTransformer.SaveSettings() => new() { ["settings"] = JsonSerializer.SerializeToNode(_settings) };

    IReadOnlyDictionary<string, byte[]> INetworkTransformer.SaveEntries()
    {
        using var buffer = new MemoryStream();
        SrResNetSerialization.Save(_network, buffer);
        return new Dictionary<string, byte[]> { [NetworkEntry] = buffer.ToArray() };
    }

    /// <summary>The transformer SaveSettings and SaveEntries describe.</summary>
    /// <exception cref="FormatException">They do not describe one.</exception>
    internal static SuperResolvingTransformer Load(JsonObject saved, IReadOnlyDictionary<string, byte[]> entries)
    {
        var settings = saved["settings"].Deserialize<Settings>() ?? throw new FormatException("SuperResolve: the settings are missing");
        if (string.IsNullOrEmpty(settings.OutputColumnName) || string.IsNullOrEmpty(settings.InputColumnName))
            throw new FormatException("SuperResolve: the settings name no input or output column");
        if (settings.RowBatchSize < 1 || settings.MaxPendingPixels < 1)
            throw new FormatException("SuperResolve: the read-ahead settings are invalid");
        if (!entries.TryGetValue(NetworkEntry, out var bytes)) throw new FormatException($"SuperResolve: the entry {NetworkEntry} is missing");
        SrResNet network;
        try
        {
            using var stream = new MemoryStream(bytes);
            network = SrResNetSerialization.Load(stream);
        }
        catch (Exception e) when (e is SafeTensorsFormatException or StateDictException)
        {
            throw new FormatException($"SuperResolve: the SRResNet does not load: {e.Message}", e);
        }
        try
        {
            return new SuperResolvingTransformer(network, settings);
        }
        catch (ArgumentException e)
        {
            network.Dispose();
            throw new FormatException($"SuperResolve: the tiling settings are invalid: {e.Message}", e);
        }
    }

    /// <summary>Frees the network's native memory.</summary>
    public void Dispose() => _network.Dispose();

    /// <summary>The serialisable settings of a fitted transformer.</summary>
    internal sealed record Settings(
        string OutputColumnName,
        string InputColumnName,
        SuperResolveModelSource ModelSource,
        int? TileSize,
        int? Overlap,
        int? TileBatchSize,
        int RowBatchSize,
        long MaxPendingPixels);

    /// <summary>Adds the upscaled column; row by row.</summary>
    private sealed class Mapper : ColumnAddingMapper
    {
        private readonly SuperResolvingTransformer _owner;

        public Mapper(SuperResolvingTransformer owner, DataViewSchema inputSchema)
            : base(inputSchema, [(owner.OutputColumnName, OutputTypeOf(owner, inputSchema))])
        {
            _owner = owner;
            Input = inputSchema[owner.InputColumnName];
        }

        public DataViewSchema.Column Input { get; }

        protected override IEnumerable<DataViewSchema.Column> AddedColumnDependencies(int added) => [Input];

        protected override Delegate CreateGetter(DataViewRow input, int added, RowResources resources)
        {
            var getImage = input.GetGetter<MLImage?>(Input);
            var slot = new ImageSlot();
            resources.Add(slot);
            MLImage? source = null;
            long position = -1;
            // Upscaling is costly: a row's image is upscaled once however often its value is read.
            return (ValueGetter<MLImage>)((ref MLImage value) =>
            {
                if (input.Position != position)
                {
                    slot.Set(null);
                    getImage(ref source);
                    slot.Set(_owner.Upscale([source is null ? null : MLImageConversion.ToImage(source)], [input.Position])[0]);
                    position = input.Position;
                }
                value = slot.Current!;
            });
        }

        private static ImageDataViewType OutputTypeOf(SuperResolvingTransformer owner, DataViewSchema schema)
        {
            var column = schema.GetColumnOrNull(owner.InputColumnName) ?? throw new ColumnNotFoundException(owner.InputColumnName, schema);
            return OutputType(column.Name, column.Type, owner.Scale);
        }
    }
}
