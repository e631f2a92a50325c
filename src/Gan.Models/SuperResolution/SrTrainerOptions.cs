using System.Globalization;
using Gan.Models.Training;

namespace Gan.Models.SuperResolution;

/// <summary>
/// How <see cref="SrTrainer"/> trains, with every training default in this one place (the generator's architecture is
/// in <see cref="SrResNetOptions"/>, the patches in <see cref="SrPatchOptions"/>). <see cref="Validate"/> names the
/// option it refuses.
/// </summary>
public sealed class SrTrainerOptions
{
    /// <summary>SRResNet pixel-loss training or SRGAN fine-tuning. Default <see cref="SrTrainingMode.SrResNet"/>.</summary>
    public SrTrainingMode Mode { get; set; } = SrTrainingMode.SrResNet;

    /// <summary>How many more epochs each <see cref="SrTrainer.Train"/> call runs. Default 10.</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>Batches per epoch (patches are drawn afresh, so an epoch is a count, not a pass). Default 1000.</summary>
    public int StepsPerEpoch { get; set; } = 1000;

    /// <summary>Patches per batch. Default 16 (Ledig et al.; Lim et al.).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Adam's learning rate for the generator (and the discriminator). Default 1e-4 (Ledig et al.; Lim et al.).</summary>
    public double LearningRate { get; set; } = 1e-4;

    /// <summary>Adam's β1. Default 0.9.</summary>
    public double Beta1 { get; set; } = 0.9;

    /// <summary>Adam's β2. Default 0.999.</summary>
    public double Beta2 { get; set; } = 0.999;

    /// <summary>The pixel loss (SRResNet's loss, and SRGAN's content term). Default L1, which EDSR found better than MSE for PSNR.</summary>
    public PixelLoss PixelLoss { get; set; } = PixelLoss.L1;

    /// <summary>SRGAN's content term. Default <see cref="ContentLoss.Pixel"/> (SRGAN-MSE: no pretrained VGG exists here).</summary>
    public ContentLoss ContentLoss { get; set; } = ContentLoss.Pixel;

    /// <summary>The adversarial weight of SRGAN's generator loss. Default 1e-3 (Ledig et al.).</summary>
    public double AdversarialWeight { get; set; } = SrLosses.DefaultAdversarialWeight;

    /// <summary>The SRGAN discriminator's first width w. Default 64 (Ledig et al.).</summary>
    public int DiscriminatorWidth { get; set; } = 64;

    /// <summary>Fixes the initial weights (training batches come from the dataset's own seed). Read once, when the trainer is built. Default 1.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>When set, the full training state is written here (atomically) after every epoch. Default null.</summary>
    public string? CheckpointPath { get; set; }

    /// <summary>A <see cref="SrTrainer.Log"/> line every this many batches (0: only the per-epoch lines). Default 100.</summary>
    public int LogEveryBatches { get; set; } = 100;

    /// <summary>Refuses settings the trainer cannot use, naming the option.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Mode)) throw Invalid(nameof(Mode), $"is not a training mode: {Mode}");
        if (Epochs < 1) throw Invalid(nameof(Epochs), $"must be at least 1, not {Epochs}");
        if (StepsPerEpoch < 1) throw Invalid(nameof(StepsPerEpoch), $"must be at least 1, not {StepsPerEpoch}");
        if (BatchSize < 2) throw Invalid(nameof(BatchSize), $"must be at least 2 (BatchNorm needs two samples per batch), not {BatchSize}");
        if (!(LearningRate > 0 && double.IsFinite(LearningRate))) throw Invalid(nameof(LearningRate), $"must be a positive finite number, not {LearningRate}");
        if (!(Beta1 >= 0 && Beta1 < 1)) throw Invalid(nameof(Beta1), $"must be in [0, 1), not {Beta1}");
        if (!(Beta2 >= 0 && Beta2 < 1)) throw Invalid(nameof(Beta2), $"must be in [0, 1), not {Beta2}");
        if (!Enum.IsDefined(PixelLoss)) throw Invalid(nameof(PixelLoss), $"is not a pixel loss: {PixelLoss}");
        if (!Enum.IsDefined(ContentLoss)) throw Invalid(nameof(ContentLoss), $"is not a content loss: {ContentLoss}");
        if (!(AdversarialWeight > 0 && double.IsFinite(AdversarialWeight)))
            throw Invalid(nameof(AdversarialWeight), $"must be a positive finite number, not {AdversarialWeight}");
        if (DiscriminatorWidth < 1) throw Invalid(nameof(DiscriminatorWidth), $"must be at least 1, not {DiscriminatorWidth}");
        if (CheckpointPath is { Length: 0 }) throw Invalid(nameof(CheckpointPath), "must be null or a file path, not empty");
        if (LogEveryBatches < 0) throw Invalid(nameof(LogEveryBatches), $"must be 0 or more, not {LogEveryBatches}");
    }

    /// <summary>A copy.</summary>
    public SrTrainerOptions Clone() => (SrTrainerOptions)MemberwiseClone();

    /// <summary>The options as string pairs under "srtrainer." keys (checkpoint metadata).</summary>
    public IReadOnlyDictionary<string, string> ToMetadata()
    {
        var map = new Dictionary<string, string>
        {
            [Prefix + "mode"] = Mode.ToString(),
            [Prefix + "epochs"] = Text(Epochs),
            [Prefix + "steps_per_epoch"] = Text(StepsPerEpoch),
            [Prefix + "batch_size"] = Text(BatchSize),
            [Prefix + "lr"] = Text(LearningRate),
            [Prefix + "beta1"] = Text(Beta1),
            [Prefix + "beta2"] = Text(Beta2),
            [Prefix + "pixel_loss"] = PixelLoss.ToString(),
            [Prefix + "content_loss"] = ContentLoss.ToString(),
            [Prefix + "adversarial_weight"] = Text(AdversarialWeight),
            [Prefix + "d_width"] = Text(DiscriminatorWidth),
            [Prefix + "seed"] = Seed.ToString(CultureInfo.InvariantCulture),
            [Prefix + "log_every"] = Text(LogEveryBatches),
        };
        if (CheckpointPath is not null) map[Prefix + "checkpoint_path"] = CheckpointPath;
        return map;
    }

    /// <summary>Reads options written by <see cref="ToMetadata"/> and validates them.</summary>
    /// <exception cref="FormatException">A key is missing or a value does not parse; the message names the key.</exception>
    /// <exception cref="ArgumentException">The values parse but <see cref="Validate"/> refuses them.</exception>
    public static SrTrainerOptions FromMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var read = new OptionsMetadataReader(metadata, Prefix, "SR trainer options");
        var options = new SrTrainerOptions
        {
            Mode = read.Enum<SrTrainingMode>("mode"),
            Epochs = read.Int("epochs"),
            StepsPerEpoch = read.Int("steps_per_epoch"),
            BatchSize = read.Int("batch_size"),
            LearningRate = read.Double("lr"),
            Beta1 = read.Double("beta1"),
            Beta2 = read.Double("beta2"),
            PixelLoss = read.Enum<PixelLoss>("pixel_loss"),
            ContentLoss = read.Enum<ContentLoss>("content_loss"),
            AdversarialWeight = read.Double("adversarial_weight"),
            DiscriminatorWidth = read.Int("d_width"),
            Seed = read.ULong("seed"),
            LogEveryBatches = read.Int("log_every"),
            CheckpointPath = read.OptionalText("checkpoint_path"),
        };
        options.Validate();
        return options;
    }

    private const string Prefix = "srtrainer.";

    private static ArgumentException Invalid(string option, string message) => new($"SrTrainerOptions.{option}: {message}", option);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
