using System.Globalization;

namespace Gan.Models.Training;

/// <summary>
/// How <see cref="GanTrainer"/> trains, with every training default in this one place (the architecture and the
/// optimisers' settings live in <see cref="Gans.GanOptions"/>). <see cref="Validate"/> names the option it refuses.
/// </summary>
public sealed class GanTrainerOptions
{
    /// <summary>How many more epochs each <see cref="GanTrainer.Train"/> call runs. Default 25.</summary>
    public int Epochs { get; set; } = 25;

    /// <summary>
    /// Real samples per batch (G makes as many fakes), at least 2 because BatchNorm needs two values per channel. A set
    /// smaller than this trains in one batch of all its samples. Default 64 (Radford et al. used 128; 64 is the
    /// PyTorch DCGAN example's).
    /// </summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Discriminator updates per batch, each with fresh noise against the same real batch. Default 1.</summary>
    public int DiscriminatorStepsPerBatch { get; set; } = 1;

    /// <summary>Generator updates per batch, made after the discriminator's. Default 1.</summary>
    public int GeneratorStepsPerBatch { get; set; } = 1;

    /// <summary>
    /// Fixes the initial weights, the shuffling, every noise draw, the fixed sample noise and the dropout masks. Read
    /// once, when the trainer is built. Default 1.
    /// </summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>When set, a fixed-noise sample grid <c>epoch-001.png</c>, <c>epoch-002.png</c>, … is written here after every epoch (one row per class for conditional kinds). Default null (no grids).</summary>
    public string? SampleDirectory { get; set; }

    /// <summary>Samples per grid row (and rows of an unconditional grid). Default 8.</summary>
    public int SampleGridColumns { get; set; } = 8;

    /// <summary>When set, the full training state is written here (atomically) after every epoch. Default null.</summary>
    public string? CheckpointPath { get; set; }

    /// <summary>A <see cref="GanTrainer.Log"/> line every this many batches (0: only the per-epoch lines). Default 50.</summary>
    public int LogEveryBatches { get; set; } = 50;

    /// <summary>
    /// A discriminator loss below this counts towards a collapse (D separates real from fake almost perfectly, so G's
    /// gradients vanish). Default 1e-3: D's mean probability on both halves within about 0.05% of the truth.
    /// </summary>
    public double CollapseDiscriminatorLoss { get; set; } = 1e-3;

    /// <summary>
    /// Training stops as diverged after this many consecutive batches whose discriminator loss is below
    /// <see cref="CollapseDiscriminatorLoss"/>; 0 turns the collapse rule off (NaN and infinite losses always stop). Default 100.
    /// </summary>
    public int CollapseBatches { get; set; } = 100;

    /// <summary>Refuses settings the trainer cannot use, naming the option.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (Epochs < 1) throw Invalid(nameof(Epochs), $"must be at least 1, not {Epochs}");
        if (BatchSize < 2) throw Invalid(nameof(BatchSize), $"must be at least 2 (BatchNorm needs two samples per batch), not {BatchSize}");
        if (DiscriminatorStepsPerBatch < 1) throw Invalid(nameof(DiscriminatorStepsPerBatch), $"must be at least 1, not {DiscriminatorStepsPerBatch}");
        if (GeneratorStepsPerBatch < 1) throw Invalid(nameof(GeneratorStepsPerBatch), $"must be at least 1, not {GeneratorStepsPerBatch}");
        if (SampleDirectory is { Length: 0 }) throw Invalid(nameof(SampleDirectory), "must be null or a folder path, not empty");
        if (SampleGridColumns < 1) throw Invalid(nameof(SampleGridColumns), $"must be at least 1, not {SampleGridColumns}");
        if (CheckpointPath is { Length: 0 }) throw Invalid(nameof(CheckpointPath), "must be null or a file path, not empty");
        if (LogEveryBatches < 0) throw Invalid(nameof(LogEveryBatches), $"must be 0 or more, not {LogEveryBatches}");
        if (!(CollapseDiscriminatorLoss >= 0 && double.IsFinite(CollapseDiscriminatorLoss)))
            throw Invalid(nameof(CollapseDiscriminatorLoss), $"must be a finite number ≥ 0, not {CollapseDiscriminatorLoss}");
        if (CollapseBatches < 0) throw Invalid(nameof(CollapseBatches), $"must be 0 (off) or more, not {CollapseBatches}");
    }

    /// <summary>A copy.</summary>
    public GanTrainerOptions Clone() => (GanTrainerOptions)MemberwiseClone();

    /// <summary>The options as string pairs under "trainer." keys (checkpoint metadata).</summary>
    public IReadOnlyDictionary<string, string> ToMetadata()
    {
        var map = new Dictionary<string, string>
        {
            [Prefix + "epochs"] = Text(Epochs),
            [Prefix + "batch_size"] = Text(BatchSize),
            [Prefix + "d_steps"] = Text(DiscriminatorStepsPerBatch),
            [Prefix + "g_steps"] = Text(GeneratorStepsPerBatch),
            [Prefix + "seed"] = Seed.ToString(CultureInfo.InvariantCulture),
            [Prefix + "grid_columns"] = Text(SampleGridColumns),
            [Prefix + "log_every"] = Text(LogEveryBatches),
            [Prefix + "collapse_loss"] = CollapseDiscriminatorLoss.ToString("R", CultureInfo.InvariantCulture),
            [Prefix + "collapse_batches"] = Text(CollapseBatches),
        };
        if (SampleDirectory is not null) map[Prefix + "sample_directory"] = SampleDirectory;
        if (CheckpointPath is not null) map[Prefix + "checkpoint_path"] = CheckpointPath;
        return map;
    }

    /// <summary>Reads options written by <see cref="ToMetadata"/> and validates them.</summary>
    /// <exception cref="FormatException">A key is missing or a value does not parse; the message names the key.</exception>
    /// <exception cref="ArgumentException">The values parse but <see cref="Validate"/> refuses them.</exception>
    public static GanTrainerOptions FromMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var options = new GanTrainerOptions
        {
            Epochs = ParseInt(metadata, "epochs"),
            BatchSize = ParseInt(metadata, "batch_size"),
            DiscriminatorStepsPerBatch = ParseInt(metadata, "d_steps"),
            GeneratorStepsPerBatch = ParseInt(metadata, "g_steps"),
            Seed = ulong.TryParse(Required(metadata, "seed"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
                ? seed : throw NotANumber(metadata, "seed"),
            SampleGridColumns = ParseInt(metadata, "grid_columns"),
            LogEveryBatches = ParseInt(metadata, "log_every"),
            CollapseDiscriminatorLoss = double.TryParse(Required(metadata, "collapse_loss"), NumberStyles.Float, CultureInfo.InvariantCulture, out double loss)
                ? loss : throw NotANumber(metadata, "collapse_loss"),
            CollapseBatches = ParseInt(metadata, "collapse_batches"),
            SampleDirectory = metadata.GetValueOrDefault(Prefix + "sample_directory"),
            CheckpointPath = metadata.GetValueOrDefault(Prefix + "checkpoint_path"),
        };
        options.Validate();
        return options;
    }

    private const string Prefix = "trainer.";

    private static ArgumentException Invalid(string option, string message) =>
        new($"GanTrainerOptions.{option}: {message}", option);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Required(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(Prefix + key, out var value) ? value : throw new FormatException($"GAN trainer options: missing '{Prefix}{key}'");

    private static int ParseInt(IReadOnlyDictionary<string, string> metadata, string key) =>
        int.TryParse(Required(metadata, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value : throw NotANumber(metadata, key);

    private static FormatException NotANumber(IReadOnlyDictionary<string, string> metadata, string key) =>
        new($"GAN trainer options: '{Prefix}{key}' = '{metadata[Prefix + key]}' is not a valid number");
}
