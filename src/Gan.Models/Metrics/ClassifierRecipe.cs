using System.Globalization;

namespace Gan.Models.Metrics;

/// <summary>
/// How <see cref="LeNetClassifier"/> is trained: Adam with cross-entropy on shuffled mini-batches, the learning rate
/// multiplied by <see cref="LearningRateDecay"/> after every epoch, optionally with random horizontal flips.
/// A recipe and a seed give the same weights on one machine.
/// </summary>
/// <param name="Epochs">Passes over the training split.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Adam's step size in the first epoch.</param>
/// <param name="LearningRateDecay">The factor applied to the learning rate after each epoch (1 keeps it constant).</param>
/// <param name="HorizontalFlips">Mirror half of each batch at random: right for clothes, wrong for digits.</param>
/// <param name="Seed">Seeds the initial weights, the batch order and the flips.</param>
public sealed record ClassifierRecipe(
    int Epochs, int BatchSize, double LearningRate, double LearningRateDecay, bool HorizontalFlips, ulong Seed)
{
    /// <summary>The recipe docs/quality.md reports for Fashion-MNIST (60k training images).</summary>
    public static ClassifierRecipe FashionMnist { get; } = new(Epochs: 20, BatchSize: 64, LearningRate: 2e-3,
        LearningRateDecay: 0.85, HorizontalFlips: true, Seed: 1);

    /// <summary>The recipe docs/quality.md reports for MNIST 10k (8k training images).</summary>
    public static ClassifierRecipe Mnist10k { get; } = new(Epochs: 20, BatchSize: 32, LearningRate: 2e-3,
        LearningRateDecay: 0.85, HorizontalFlips: false, Seed: 1);

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field out of its range (named).</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        if (!(LearningRate > 0 && double.IsFinite(LearningRate)))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "the learning rate must be positive and finite");
        if (!(LearningRateDecay > 0 && LearningRateDecay <= 1))
            throw new ArgumentOutOfRangeException(nameof(LearningRateDecay), LearningRateDecay, "the decay must be in (0, 1]");
    }

    /// <summary>The recipe as string metadata (stored beside cached weights, so a changed recipe is noticed).</summary>
    public IReadOnlyDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        ["recipe.epochs"] = Epochs.ToString(CultureInfo.InvariantCulture),
        ["recipe.batch_size"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        ["recipe.learning_rate"] = LearningRate.ToString("R", CultureInfo.InvariantCulture),
        ["recipe.learning_rate_decay"] = LearningRateDecay.ToString("R", CultureInfo.InvariantCulture),
        ["recipe.horizontal_flips"] = HorizontalFlips ? "true" : "false",
        ["recipe.seed"] = Seed.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>One line for logs and docs.</summary>
    public override string ToString() =>
        $"{Epochs} epochs, batch {BatchSize}, Adam lr {LearningRate:G3} ×{LearningRateDecay:G3}/epoch, " +
        $"{(HorizontalFlips ? "random horizontal flips" : "no flips")}, seed {Seed}";
}
