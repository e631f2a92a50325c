using Gan.Models.Gans;
using Gan.Models.Training;

namespace Gan.MLNet.Transforms;

public sealed partial class GanGeneratingEstimator
{
    /// <summary>The settings of GanGenerate; every default is here or in <see cref="GanOptions"/> / <see cref="GanTrainerOptions"/>.</summary>
    public sealed record Options
    {
        /// <summary>
        /// The column generated samples go to (in <see cref="GanGenerateMode.Augment"/>, also the column the GAN learns
        /// from). Required; the catalog overload with column names fills it in.
        /// </summary>
        public string OutputColumnName { get; init; } = "";

        /// <summary>
        /// The column the GAN learns from: images of fixed size (after ResizeImages) or Single vectors of fixed length.
        /// Null means <see cref="OutputColumnName"/>; <see cref="GanGenerateMode.RowToRow"/> needs a different column.
        /// </summary>
        public string? InputColumnName { get; init; }

        /// <summary>A key column (MapValueToKey) of class labels; null trains an unconditional GAN.</summary>
        public string? LabelColumnName { get; init; }

        /// <summary>What the fitted step does to rows. Default <see cref="GanGenerateMode.Augment"/>.</summary>
        public GanGenerateMode Mode { get; init; } = GanGenerateMode.Augment;

        /// <summary>
        /// The GAN kind; null chooses from the data: labelled images of 28, 32 or 64 px square → conditional DCGAN,
        /// unlabelled ones → DCGAN, other images and vectors → the (conditional) MLP GAN.
        /// </summary>
        public GanKind? Kind { get; init; }

        /// <summary>Architecture and optimiser settings; its Kind, SampleShape and ClassCount are set from the data and <see cref="Kind"/>.</summary>
        public GanOptions Model { get; init; } = new();

        /// <summary>Training settings (epochs, batch size, seed, sample grids, checkpoints).</summary>
        public GanTrainerOptions Training { get; init; } = new();

        /// <summary>Augment: synthetic rows appended per class (for unconditional kinds: in all). 0 = not this rule.</summary>
        public int SyntheticRowsPerClass { get; init; }

        /// <summary>Augment: synthetic rows as a share of the real rows, split like the real class counts. 0 = not this rule.</summary>
        public double SyntheticRatio { get; init; }

        /// <summary>Augment: top every class up to the largest class's count (conditional kinds only).</summary>
        public bool BalanceClasses { get; init; }

        /// <summary>The Boolean column that marks synthetic rows (Augment mode).</summary>
        public string SyntheticColumnName { get; init; } = "IsSynthetic";

        /// <summary>The seed of the generation noise: the same seed gives the same samples, also after SaveWithNetworks/LoadWithNetworks.</summary>
        public ulong GenerationSeed { get; init; } = 1;

        /// <summary>
        /// A training checkpoint (<see cref="GanTrainer.SaveCheckpoint"/>, e.g. <see cref="GanTrainerOptions.CheckpointPath"/>
        /// of an earlier Fit) to continue for <see cref="GanTrainerOptions.Epochs"/> more epochs, exactly as an uninterrupted
        /// run would, instead of starting anew. Its GAN kind, sample shape and class count must be those of the data.
        /// </summary>
        public string? ResumeCheckpoint { get; init; }

        /// <summary>Receives training progress after every batch.</summary>
        public IProgress<GanTrainingProgress>? Progress { get; init; }

        /// <summary>
        /// Receives Fit's messages (what is trained, per-epoch losses). ML.NET gives extensions no access to
        /// <c>MLContext.Log</c>, so pass e.g. <c>Console.WriteLine</c> here.
        /// </summary>
        public Action<string>? Log { get; init; }

        /// <summary>Cancels training between batches.</summary>
        public CancellationToken CancellationToken { get; init; }

        /// <summary>The column the GAN learns from, resolved.</summary>
        internal string LearnedColumnName => string.IsNullOrEmpty(InputColumnName) ? OutputColumnName : InputColumnName;

        /// <summary>Refuses contradictory settings before any data is read.</summary>
        /// <exception cref="ArgumentException">The message names the setting.</exception>
        internal void Validate()
        {
            if (string.IsNullOrWhiteSpace(OutputColumnName)) throw new ArgumentException("GanGenerate: OutputColumnName is required", nameof(OutputColumnName));
            ArgumentNullException.ThrowIfNull(Model, nameof(Model));
            ArgumentNullException.ThrowIfNull(Training, nameof(Training));
            if (!Enum.IsDefined(Mode)) throw new ArgumentException($"GanGenerate: {Mode} is not a mode", nameof(Mode));
            if (Mode == GanGenerateMode.Augment && LearnedColumnName != OutputColumnName)
                throw new ArgumentException($"GanGenerate: Augment writes samples into the column it learns from; InputColumnName '{InputColumnName}' must be null or '{OutputColumnName}' (use Mode = RowToRow for a new column)", nameof(InputColumnName));
            if (Mode == GanGenerateMode.RowToRow && LearnedColumnName == OutputColumnName)
                throw new ArgumentException($"GanGenerate: RowToRow adds a new column; InputColumnName must name the learned column and differ from '{OutputColumnName}'", nameof(InputColumnName));
            if (SyntheticRowsPerClass < 0) throw new ArgumentException($"GanGenerate: SyntheticRowsPerClass must be ≥ 0, not {SyntheticRowsPerClass}", nameof(SyntheticRowsPerClass));
            if (!(SyntheticRatio >= 0 && double.IsFinite(SyntheticRatio))) throw new ArgumentException($"GanGenerate: SyntheticRatio must be a finite number ≥ 0, not {SyntheticRatio}", nameof(SyntheticRatio));
            int rules = (SyntheticRowsPerClass > 0 ? 1 : 0) + (SyntheticRatio > 0 ? 1 : 0) + (BalanceClasses ? 1 : 0);
            if (rules > 1) throw new ArgumentException("GanGenerate: choose one of SyntheticRowsPerClass, SyntheticRatio and BalanceClasses", nameof(SyntheticRowsPerClass));
            if (BalanceClasses && LabelColumnName is null) throw new ArgumentException("GanGenerate: BalanceClasses needs a label column", nameof(BalanceClasses));
            if (Mode == GanGenerateMode.RowToRow && rules > 0) throw new ArgumentException("GanGenerate: synthetic row counts apply to Augment mode only", nameof(Mode));
            if (string.IsNullOrWhiteSpace(SyntheticColumnName)) throw new ArgumentException("GanGenerate: SyntheticColumnName must not be empty", nameof(SyntheticColumnName));
            if (Kind is { } kind && !Enum.IsDefined(kind)) throw new ArgumentException($"GanGenerate: {kind} is not a GAN kind", nameof(Kind));
            Training.Validate();
        }
    }
}
