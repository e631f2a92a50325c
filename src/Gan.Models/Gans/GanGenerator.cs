using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Gans;

/// <summary>
/// A generator G(z, y): noise [N, <see cref="GanOptions.NoiseSize"/>] and, for conditional kinds, labels int64 [N]
/// → samples [N, …<see cref="GanOptions.SampleShape"/>] in [−1, 1].
/// </summary>
public abstract class GanGenerator : nn.Module<Tensor, Tensor?, Tensor>
{
    /// <summary>Keeps a validated copy of <paramref name="options"/>.</summary>
    protected GanGenerator(string name, GanOptions options) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options.Clone();
    }

    /// <summary>The options the generator was built from (a copy; changing it changes nothing).</summary>
    public GanOptions Options { get; }

    /// <summary>
    /// Noise z ~ N(0, 1) of shape [<paramref name="count"/>, <see cref="GanOptions.NoiseSize"/>], drawn from
    /// <paramref name="random"/> (null: the global generator) and placed on <see cref="TorchRuntime.DefaultDevice"/>.
    /// </summary>
    public Tensor SampleNoise(long count, Generator? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var scope = NewDisposeScope();
        // Generators draw on the CPU; the same seed then gives the same noise on every device.
        return randn([count, Options.NoiseSize], generator: random).to(TorchRuntime.DefaultDevice).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// What the trainer shows the discriminator for a batch of real samples: the samples themselves, except for
    /// generators whose discriminator judges something else (LAPGAN's judges every level of the real pyramid).
    /// </summary>
    internal virtual Tensor TrainingReal(Tensor real) => real;

    /// <summary>
    /// The fakes the trainer shows the discriminator beside <paramref name="trainingReal"/> (the output of
    /// <see cref="TrainingReal"/>): G(z, y), except for generators trained on parts of the real batch (LAPGAN's levels
    /// refine the real batch's coarser images, as Denton et al. train them).
    /// </summary>
    internal virtual Tensor TrainingFakes(Tensor noise, Tensor? labels, Tensor trainingReal) => call(noise, labels);

    /// <summary>
    /// <paramref name="count"/> samples in evaluation mode (BatchNorm uses its running statistics, so a sample depends
    /// only on its own noise and label, never on the rest of the batch) without gradients; the training mode is restored.
    /// </summary>
    /// <param name="count">How many samples.</param>
    /// <param name="labels">int64 [count] labels for conditional kinds; null for unconditional ones.</param>
    /// <param name="random">The source of the noise; null uses the global generator.</param>
    public Tensor Sample(long count, Tensor? labels = null, Generator? random = null)
    {
        bool wasTraining = training;
        eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var onDevice = labels?.to(TorchRuntime.DefaultDevice);
            return call(SampleNoise(count, random), onDevice).MoveToOuterDisposeScope();
        }
        finally
        {
            train(wasTraining);
        }
    }

    /// <summary>Checks the noise (and labels) and returns the batch size.</summary>
    /// <exception cref="ArgumentException">Wrong shapes, dtype or label values, or labels given to (or missing from) the kind.</exception>
    protected long CheckInputs(Tensor noise, Tensor? labels)
    {
        ArgumentNullException.ThrowIfNull(noise);
        if (noise.dim() != 2 || noise.size(1) != Options.NoiseSize)
            throw new ArgumentException($"{Options.Kind} generator: noise must be [N, {Options.NoiseSize}], not [{string.Join(", ", noise.shape)}]", nameof(noise));
        GanLabels.Check(Options, labels, noise.size(0), nameof(labels));
        return noise.size(0);
    }
}
