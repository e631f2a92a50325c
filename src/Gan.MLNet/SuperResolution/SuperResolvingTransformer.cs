using System.Runtime.InteropServices;
using Gan.Imaging;
using Gan.MLNet.Data;
using Gan.Models.SuperResolution;
using Gan.Models.Torch;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Upscales an image column with an SRResNet (<c>mlContext.Transforms.SuperResolve</c>): each row's image (gray, RGB
/// or RGBA, any size) becomes Scale × its size in the output column, same pixel format, through overlapping tiles
/// (<see cref="SuperResolver"/>). A null image (e.g. a failed load with <see cref="ImageLoadErrorHandling.ErrorColumn"/>)
/// gives a null image, as in the other image transforms. Lazy: nothing is computed until the output column is read.
/// A cursor of <see cref="Transform"/> reads up to <see cref="RowBatchSize"/> rows (at most
/// <see cref="MaxPendingPixels"/> input pixels) ahead and upscales their tiles together; single-row use
/// (<see cref="RowToRowTransformerBase.GetRowToRowMapper"/>) upscales row by row. Model.Save writes the network's
/// weights into the model file, so a loaded transformer needs no other file and gives bit-identical images. Holds
/// the network's native memory: dispose it when done. Safe to use from several cursors (network calls take turns).
/// </summary>
public sealed class SuperResolvingTransformer : RowToRowTransformerBase
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

    /// <summary>Writes the network (weights and options, as safetensors) into <paramref name="path"/> atomically, for use outside pipelines.</summary>
    /// <param name="path">The file to write.</param>
    public void SaveNetwork(string path) => SrResNetSerialization.Save(_network, path);

    /// <summary>The lazy upscaled view; its cursors upscale several rows' tiles together (see the class remarks).</summary>
    /// <param name="input">The data.</param>
    /// <exception cref="ColumnNotFoundException">The input column is missing.</exception>
    /// <exception cref="SchemaMismatchException">The input column is not an image column.</exception>
    public override IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mapper = GetRowToRowMapper(input.Schema);
        return new ReadAheadUpscalingDataView(input, mapper, mapper.OutputSchema.Count - 1, input.Schema[InputColumnName], this);
    }

    /// <summary>The output type for an input column: the input's known size × scale, or an image of any size.</summary>
    /// <exception cref="SchemaMismatchException">The input is not an image column.</exception>
    internal static ImageDataViewType OutputType(string inputColumnName, DataViewType inputType, int scale)
    {
        var image = ImageColumnTypes.RequireImage(inputColumnName, inputType, knownSize: false);
        return image.IsKnownSize ? new ImageDataViewType(image.Height * scale, image.Width * scale) : new ImageDataViewType();
    }

    /// <summary>Upscales the non-null images together; null stays null.</summary>
    internal Image?[] Upscale(IReadOnlyList<Image?> images)
    {
        var present = images.OfType<Image>().ToArray();
        IReadOnlyList<Image> upscaled;
        try
        {
            lock (_networkLock)
                upscaled = present.Length == 0 ? [] : _resolver.Upscale(present);
        }
        catch (ExternalException e)
        {
            throw TorchException.From(e, $"SuperResolve: upscaling '{InputColumnName}'");
        }
        var results = new Image?[images.Count];
        for (int i = 0, next = 0; i < images.Count; i++)
            if (images[i] is not null) results[i] = upscaled[next++];
        return results;
    }

    /// <inheritdoc />
    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <summary>Saves the settings and the network (weights and options as a safetensors entry).</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        context.SetOption("settings", _settings);
        using var buffer = new MemoryStream();
        SrResNetSerialization.Save(_network, buffer);
        context.AddEntry(NetworkEntry, buffer.ToArray());
    }

    internal static ITransformer Load(ModelLoadContext context)
    {
        var settings = context.GetOption<Settings>("settings");
        if (string.IsNullOrEmpty(settings.OutputColumnName) || string.IsNullOrEmpty(settings.InputColumnName))
            throw context.Malformed("the settings name no input or output column");
        SrResNet network;
        try
        {
            using var stream = new MemoryStream(context.ReadEntry(NetworkEntry));
            network = SrResNetSerialization.Load(stream);
        }
        catch (Exception e) when (e is FormatException or SafeTensorsFormatException or StateDictException)
        {
            throw context.Malformed($"the SRResNet does not load: {e.Message}", e);
        }
        try
        {
            return new SuperResolvingTransformer(network, settings);
        }
        catch (ArgumentException e)
        {
            network.Dispose();
            throw context.Malformed($"the tiling settings are invalid: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _network.Dispose();
    }

    /// <summary>The serialisable settings of a fitted transformer (model file option "settings").</summary>
    internal sealed record Settings(
        string OutputColumnName,
        string InputColumnName,
        SuperResolveModelSource ModelSource,
        int? TileSize,
        int? Overlap,
        int? TileBatchSize,
        int RowBatchSize,
        long MaxPendingPixels);

    private sealed class Mapper : ColumnMapperBase
    {
        private readonly SuperResolvingTransformer _owner;
        private readonly DataViewSchema.Column _input;
        private readonly ImageDataViewType _outputType;

        public Mapper(SuperResolvingTransformer owner, DataViewSchema inputSchema) : base(inputSchema)
        {
            _owner = owner;
            _input = inputSchema[owner.InputColumnName];
            _outputType = OutputType(_input.Name, _input.Type, owner.Scale);
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> GetOutputColumns() => [new(_owner.OutputColumnName, _outputType)];

        public override IEnumerable<DataViewSchema.Column> GetDependencies(int outputIndex) => [_input];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var getImage = input.GetGetter<Image?>(_input);
            Image? source = null, upscaled = null;
            long position = -1;
            // Upscaling is costly: a row's image is upscaled once however often its value is read.
            return (ValueGetter<Image?>)((ref Image? value) =>
            {
                if (input.Position != position)
                {
                    upscaled = null;
                    getImage(ref source);
                    upscaled = _owner.Upscale([source])[0];
                    position = input.Position;
                }
                value = upscaled;
            });
        }
    }
}
