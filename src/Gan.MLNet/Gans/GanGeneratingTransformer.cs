using System.Text.Json;
using System.Text.Json.Nodes;
using Gan.MLNet.DataViews;
using Gan.MLNet.Persistence;
using Gan.Models.Gans;
using Gan.Models.Torch;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// A trained GAN generator inside an ML.NET pipeline (<c>mlContext.Transforms.GanGenerate</c>).
/// </summary>
/// <remarks>
/// In <see cref="GanGenerateMode.Augment"/> it appends synthetic rows to the data it was fitted on, so the estimators
/// after it in an <c>EstimatorChain</c> are trained on real and synthetic rows; every other view passes through
/// unchanged — at scoring, in <c>CreatePredictionEngine</c>, and with or without <c>TransformerScope.Training</c>. It adds
/// the Boolean synthetic-flag column (false for real rows) either way, so both schemas agree. (ML.NET gives third-party
/// transformers no public way to learn they are being trained, so the transformer recognises the very view it was
/// fitted on; <see cref="TransformForTrainingPipeline"/> augments any view. A chain appended to another chain as one
/// estimator is applied to the outer chain's data in the scoring scope, so the estimators that should see synthetic rows
/// belong in GanGenerate's own chain.) In <see cref="GanGenerateMode.RowToRow"/>
/// it adds a column holding a sample for each row's label. Sample k is drawn from noise seeded by
/// (<see cref="GenerationSeed"/>, k) — k is the synthetic row's index, or the row's position in row-to-row use — so the
/// same seed gives the same samples, also after SaveWithNetworks/LoadWithNetworks. Generated images are valid until
/// their cursor moves, as with ML.NET's image stages. Holds the generator's native memory: dispose it when done.
/// </remarks>
public sealed class GanGeneratingTransformer : ITransformer, IDisposable, INetworkTransformer
{
    internal const string ModelKind = "GanGenerate";
    private const string GeneratorEntry = "generator.safetensors";

    private readonly GanSampler _sampler;
    private readonly Settings _settings;
    private readonly WeakReference<IDataView>? _fitInput;

    internal GanGeneratingTransformer(GanSampler sampler, Settings settings, IDataView? fitInput)
    {
        _sampler = sampler;
        _settings = settings;
        _fitInput = fitInput is null ? null : new WeakReference<IDataView>(fitInput);
    }

    /// <summary>The column samples are written to.</summary>
    public string OutputColumnName => _settings.OutputColumnName;

    /// <summary>The column the GAN learned from.</summary>
    public string InputColumnName => _settings.LearnedColumnName;

    /// <summary>The key label column, or null for an unconditional GAN.</summary>
    public string? LabelColumnName => _settings.LabelColumnName;

    /// <summary>What the transformer does to rows.</summary>
    public GanGenerateMode Mode => _settings.Mode;

    /// <summary>The Boolean column that marks synthetic rows (Augment mode).</summary>
    public string SyntheticColumnName => _settings.SyntheticColumnName;

    /// <summary>The seed of the generation noise.</summary>
    public ulong GenerationSeed => _sampler.Seed;

    /// <summary>The trained generator's options (kind, sample shape, classes, …).</summary>
    public GanOptions ModelOptions => _sampler.Generator.Options.Clone();

    /// <summary>The class names, by 0-based class (the label column's key values as text); empty when unconditional.</summary>
    public IReadOnlyList<string> ClassNames => _settings.ClassNames;

    /// <summary>The type of the generated values (a fixed-size image or Single vector).</summary>
    public DataViewType SampleType => _sampler.Format.ColumnType;

    /// <summary>Always true: PredictionEngine maps single rows (passing them through in Augment mode).</summary>
    public bool IsRowToRowMapper => true;

    string INetworkTransformer.Kind => ModelKind;

    internal GanSampler Sampler => _sampler;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => GetRowToRowMapper(inputSchema).OutputSchema;

    /// <inheritdoc />
    /// <exception cref="ColumnNotFoundException">RowToRow: the label column is missing.</exception>
    /// <exception cref="SchemaMismatchException">RowToRow: the label column is not the key type it was at Fit.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new Mapper(this, inputSchema);
    }

    /// <summary>
    /// Augment mode, on the view the transformer was fitted on: <see cref="TransformForTrainingPipeline"/>. Otherwise
    /// the rows with the added column (the synthetic flag, false; or the row-to-row samples), computed lazily.
    /// </summary>
    /// <param name="input">The data.</param>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_settings.Mode == GanGenerateMode.Augment && _fitInput is not null && _fitInput.TryGetTarget(out var fitted) && ReferenceEquals(fitted, input))
            return TransformForTrainingPipeline(input);
        return new MappedDataView(input, GetRowToRowMapper(input.Schema));
    }

    /// <summary>
    /// The data estimators after this step are trained on. Augment: the input rows (flag false) followed by synthetic rows
    /// (flag true) whose count follows the options (per class, a ratio of the real class counts, or balancing the
    /// classes); the label counts are read from <paramref name="input"/> once. RowToRow: the same as <see cref="Transform"/>.
    /// </summary>
    /// <exception cref="ColumnNotFoundException">The sample or label column is missing.</exception>
    /// <exception cref="SchemaMismatchException">The sample or label column has another type than at Fit.</exception>
    public IDataView TransformForTrainingPipeline(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mapped = new MappedDataView(input, GetRowToRowMapper(input.Schema));
        if (_settings.Mode != GanGenerateMode.Augment) return mapped;
        var schema = mapped.Schema;
        var sample = RequireColumn(schema, _settings.OutputColumnName, _sampler.Format.ColumnType);
        int labelIndex = -1;
        if (_settings.LabelColumnName is not null)
            labelIndex = RequireLabel(schema).Index;
        int[] classes = SyntheticClassPlan.Plan(_settings, CountClasses(input), _sampler.IsConditional ? _sampler.ClassCount : 1);
        return new SyntheticRowsDataView(mapped, schema, _sampler, classes, sample.Index, labelIndex, schema[_settings.SyntheticColumnName].Index);
    }

    /// <summary>A view of <paramref name="count"/> fresh samples with their labels (see <c>mlContext.Data.Generate</c>).</summary>
    internal IDataView Generate(long count, int? classIndex, ulong? seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, int.MaxValue);
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(_settings.OutputColumnName, _sampler.Format.ColumnType);
        if (_sampler.IsConditional)
            builder.AddColumn(_settings.LabelColumnName!, new KeyDataViewType(typeof(uint), _sampler.ClassCount), KeyNames.ToAnnotations(_settings.ClassNames));
        var classes = new int[count];
        for (int i = 0; i < classes.Length; i++)
            classes[i] = classIndex ?? (_sampler.IsConditional ? i % _sampler.ClassCount : 0);
        var sampler = seed is { } other ? _sampler.WithSeed(other) : _sampler;
        return new SyntheticRowsDataView(null, builder.ToSchema(), sampler, classes, 0, _sampler.IsConditional ? 1 : -1, -1);
    }

    void ICanSaveModel.Save(ModelSaveContext ctx) => NetworkSaveSession.SavePlaceholder(this, ctx);

    JsonObject INetworkTransformer.SaveSettings() => new()
    {
        ["settings"] = JsonSerializer.SerializeToNode(_settings),
        ["format"] = JsonSerializer.SerializeToNode(_sampler.Format.ToOptions()),
        ["seed"] = _sampler.Seed,
    };

    IReadOnlyDictionary<string, byte[]> INetworkTransformer.SaveEntries()
    {
        using var buffer = new MemoryStream();
        GanGeneratorSerialization.Save(_sampler.Generator, buffer);
        return new Dictionary<string, byte[]> { [GeneratorEntry] = buffer.ToArray() };
    }

    /// <summary>The transformer <see cref="INetworkTransformer.SaveSettings"/> and SaveEntries describe.</summary>
    /// <exception cref="FormatException">They do not describe one.</exception>
    internal static GanGeneratingTransformer Load(JsonObject saved, IReadOnlyDictionary<string, byte[]> entries)
    {
        var settings = saved["settings"].Deserialize<Settings>() ?? throw new FormatException("GanGenerate: the settings are missing");
        if (string.IsNullOrEmpty(settings.OutputColumnName) || string.IsNullOrEmpty(settings.LearnedColumnName) || settings.ClassNames is null)
            throw new FormatException("GanGenerate: the settings name no columns");
        var format = GanSampleFormat.FromOptions(saved["format"].Deserialize<Dictionary<string, string>>() ?? throw new FormatException("GanGenerate: the sample format is missing"));
        ulong seed = saved["seed"]?.GetValue<ulong>() ?? throw new FormatException("GanGenerate: the seed is missing");
        if (!entries.TryGetValue(GeneratorEntry, out var bytes)) throw new FormatException($"GanGenerate: the entry {GeneratorEntry} is missing");
        GanGenerator generator;
        try
        {
            using var stream = new MemoryStream(bytes);
            generator = GanGeneratorSerialization.Load(stream);
        }
        catch (Exception e) when (e is SafeTensorsFormatException or StateDictException)
        {
            throw new FormatException($"GanGenerate: the generator does not load: {e.Message}", e);
        }
        if (!generator.Options.SampleShape.SequenceEqual(format.SampleShape) || (generator.Options.IsConditional ? generator.Options.ClassCount : 0) != settings.ClassNames.Length)
        {
            generator.Dispose();
            throw new FormatException("GanGenerate: the generator's sample shape or class count disagrees with the column settings");
        }
        return new GanGeneratingTransformer(new GanSampler(generator, format, seed), settings, fitInput: null);
    }

    /// <summary>Frees the generator's native memory.</summary>
    public void Dispose() => _sampler.Dispose();

    private static DataViewSchema.Column RequireColumn(DataViewSchema schema, string name, DataViewType type)
    {
        var column = schema.GetColumnOrNull(name) ?? throw new ColumnNotFoundException(name, schema);
        if (!column.Type.Equals(type)) throw new SchemaMismatchException(name, type.ToString(), column.Type.ToString());
        return column;
    }

    private DataViewSchema.Column RequireLabel(DataViewSchema schema)
    {
        string name = _settings.LabelColumnName!;
        var column = schema.GetColumnOrNull(name) ?? throw new ColumnNotFoundException(name, schema);
        var key = KeyNames.RequireKey(column, $"{_settings.ClassNames.Length} classes (as at Fit)");
        if (key.Count != (ulong)_settings.ClassNames.Length)
            throw new SchemaMismatchException(name, $"a UInt32 key column of {_settings.ClassNames.Length} classes (as at Fit)", column.Type.ToString());
        return column;
    }

    private long[] CountClasses(IDataView input)
    {
        if (_settings.LabelColumnName is null)
            return [input.GetRowCount() ?? CountRows(input)];
        var label = RequireLabel(input.Schema);
        var counts = new long[_settings.ClassNames.Length];
        using var cursor = input.GetRowCursor([label]);
        var getter = cursor.GetGetter<uint>(label);
        uint key = 0;
        while (cursor.MoveNext())
        {
            getter(ref key);
            if (key >= 1 && key <= counts.Length) counts[key - 1]++;
        }
        return counts;
    }

    private static long CountRows(IDataView input)
    {
        using var cursor = input.GetRowCursor([]);
        long rows = 0;
        while (cursor.MoveNext()) rows++;
        return rows;
    }

    /// <summary>The serialisable settings of a fitted transformer.</summary>
    internal sealed record Settings(
        string OutputColumnName,
        string LearnedColumnName,
        string? LabelColumnName,
        GanGenerateMode Mode,
        int SyntheticRowsPerClass,
        double SyntheticRatio,
        bool BalanceClasses,
        string SyntheticColumnName,
        string[] ClassNames);

    private sealed class Mapper : ColumnAddingMapper
    {
        private readonly GanGeneratingTransformer _owner;
        private readonly DataViewSchema.Column? _label;

        public Mapper(GanGeneratingTransformer owner, DataViewSchema inputSchema)
            : base(inputSchema, owner._settings.Mode == GanGenerateMode.Augment
                ? [(owner._settings.SyntheticColumnName, BooleanDataViewType.Instance)]
                : [(owner._settings.OutputColumnName, owner._sampler.Format.ColumnType)])
        {
            _owner = owner;
            if (owner._settings.Mode == GanGenerateMode.RowToRow && owner._settings.LabelColumnName is not null)
                _label = owner.RequireLabel(inputSchema);
        }

        protected override IEnumerable<DataViewSchema.Column> AddedColumnDependencies(int added) => _label is { } label ? [label] : [];

        protected override Delegate CreateGetter(DataViewRow input, int added, RowResources resources)
        {
            if (_owner._settings.Mode == GanGenerateMode.Augment)
                return (ValueGetter<bool>)((ref bool value) => value = false);
            ValueGetter<uint>? label = _label is { } column ? input.GetGetter<uint>(column) : null;
            int classCount = _owner._settings.ClassNames.Length;
            if (!_owner._sampler.Format.IsImage)
                return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => value = (VBuffer<float>)Sample());
            var slot = new ImageSlot();
            resources.Add(slot);
            long position = -1;
            return (ValueGetter<MLImage>)((ref MLImage value) =>
            {
                if (input.Position != position)
                {
                    slot.Set(MLImageConversion.ToMLImage((Gan.Imaging.Image)Sample()));
                    position = input.Position;
                }
                value = slot.Current!;
            });

            object Sample()
            {
                int cls = 0;
                if (label is not null)
                {
                    uint key = 0;
                    label(ref key);
                    if (key < 1 || key > classCount)
                        throw new InvalidColumnValueException(_owner._settings.LabelColumnName!, input.Position, $"key {key} is not a class 1..{classCount}");
                    cls = (int)key - 1;
                }
                return _owner._sampler.Generate([input.Position], [cls])[0];
            }
        }
    }
}
