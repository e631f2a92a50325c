using Gan.Models.Gans;
using Gan.Models.Torch;
using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// A trained GAN generator inside a pipeline (<c>mlContext.Transforms.GanGenerate</c>). In
/// <see cref="GanGenerateMode.Augment"/> it appends synthetic rows while the pipeline is trained
/// (<see cref="TransformForTrainingPipeline"/>) and passes rows through at scoring, adding the synthetic-flag column
/// (false) either way so both schemas agree. In <see cref="GanGenerateMode.RowToRow"/> it adds a column holding a sample
/// for each row's label. Sample k is drawn from noise seeded by (<see cref="GenerationSeed"/>, k) — k is the synthetic
/// row's index, or the row's position in row-to-row use — so the same seed gives the same samples, also after
/// Model.Save/Load (bit for bit when drawn the same way; samples drawn in batches of another size may differ in the
/// last bits, as BLAS blocks differently). Holds the generator's native memory: dispose it when done.
/// </summary>
public sealed class GanGeneratingTransformer : RowToRowTransformerBase, ITransformerWithDifferentMappingAtTrainingTime
{
    internal const string ModelKind = "GanGenerate";
    private const string GeneratorEntry = "generator.safetensors";

    private readonly GanSampler _sampler;
    private readonly Settings _settings;

    internal GanGeneratingTransformer(GanSampler sampler, Settings settings)
    {
        _sampler = sampler;
        _settings = settings;
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

    internal GanSampler Sampler => _sampler;

    /// <summary>
    /// The data estimators after this step are trained on. Augment: the input rows (flag false) followed by synthetic rows
    /// (flag true) whose count follows the options (per class, a ratio of the real class counts, or balancing the
    /// classes); the label counts are read from <paramref name="input"/> once. RowToRow: the same as <see cref="RowToRowTransformerBase.Transform"/>.
    /// </summary>
    /// <exception cref="ColumnNotFoundException">The sample or label column is missing.</exception>
    /// <exception cref="SchemaMismatchException">The sample or label column has another type than at Fit.</exception>
    public IDataView TransformForTrainingPipeline(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mapped = Transform(input);
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
            builder.AddColumn(_settings.LabelColumnName!, new KeyDataViewType(typeof(uint), (ulong)_sampler.ClassCount), KeyNames.ToAnnotations(_settings.ClassNames));
        var classes = new int[count];
        for (int i = 0; i < classes.Length; i++)
            classes[i] = classIndex ?? (_sampler.IsConditional ? i % _sampler.ClassCount : 0);
        var sampler = seed is { } other ? _sampler.WithSeed(other) : _sampler;
        return new SyntheticRowsDataView(null, builder.ToSchema(), sampler, classes, 0, _sampler.IsConditional ? 1 : -1, -1);
    }

    /// <inheritdoc />
    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema)
    {
        if (_settings.Mode == GanGenerateMode.RowToRow && _settings.LabelColumnName is not null)
            RequireLabel(inputSchema);
        return new Mapper(this, inputSchema);
    }

    /// <summary>Saves the settings and the generator (weights and options as safetensors).</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        context.SetOption("settings", _settings);
        context.SetOption("format", _sampler.Format.ToOptions());
        context.SetOption("seed", _sampler.Seed);
        using var buffer = new MemoryStream();
        GanGeneratorSerialization.Save(_sampler.Generator, buffer);
        context.AddEntry(GeneratorEntry, buffer.ToArray());
    }

    internal static ITransformer Load(ModelLoadContext context)
    {
        var settings = context.GetOption<Settings>("settings");
        GanSampleFormat format;
        GanGenerator generator;
        try
        {
            format = GanSampleFormat.FromOptions(context.GetOption<Dictionary<string, string>>("format"));
            using var stream = new MemoryStream(context.ReadEntry(GeneratorEntry));
            generator = GanGeneratorSerialization.Load(stream);
        }
        catch (Exception e) when (e is FormatException or SafeTensorsFormatException or StateDictException)
        {
            throw context.Malformed($"the GAN generator does not load: {e.Message}", e);
        }
        if (!generator.Options.SampleShape.SequenceEqual(format.SampleShape) || (generator.Options.IsConditional ? generator.Options.ClassCount : 0) != settings.ClassNames.Length)
        {
            generator.Dispose();
            throw context.Malformed("the generator's sample shape or class count disagrees with the column settings");
        }
        return new GanGeneratingTransformer(new GanSampler(generator, format, context.GetOption<ulong>("seed")), settings);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _sampler.Dispose();
    }

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
        if (column.Type is not KeyDataViewType key || key.RawType != typeof(uint) || key.Count != (ulong)_settings.ClassNames.Length)
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

    /// <summary>The serialisable settings of a fitted transformer (model file option "settings").</summary>
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

    private sealed class Mapper(GanGeneratingTransformer owner, DataViewSchema inputSchema) : ColumnMapperBase(inputSchema)
    {
        public override IReadOnlyList<DataViewSchema.DetachedColumn> GetOutputColumns() => owner._settings.Mode == GanGenerateMode.Augment
            ? [new(owner._settings.SyntheticColumnName, BooleanDataViewType.Instance)]
            : [new(owner._settings.OutputColumnName, owner._sampler.Format.ColumnType)];

        public override IEnumerable<DataViewSchema.Column> GetDependencies(int outputIndex) =>
            owner._settings.Mode == GanGenerateMode.RowToRow && owner._settings.LabelColumnName is { } label ? [InputSchema[label]] : [];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            if (owner._settings.Mode == GanGenerateMode.Augment)
                return (ValueGetter<bool>)((ref bool value) => value = false);
            ValueGetter<uint>? label = owner._settings.LabelColumnName is { } name ? input.GetGetter<uint>(InputSchema[name]) : null;
            int classCount = owner._settings.ClassNames.Length;
            return owner._sampler.Format.IsImage
                ? (ValueGetter<Gan.Imaging.Image?>)((ref Gan.Imaging.Image? value) => value = (Gan.Imaging.Image)Sample())
                : (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => value = (VBuffer<float>)Sample());

            object Sample()
            {
                int cls = 0;
                if (label is not null)
                {
                    uint key = 0;
                    label(ref key);
                    if (key < 1 || key > classCount)
                        throw new InvalidColumnValueException(owner._settings.LabelColumnName!, input.Position, $"key {key} is not a class 1..{classCount}");
                    cls = (int)key - 1;
                }
                return owner._sampler.Generate([input.Position], [cls])[0];
            }
        }
    }
}
