using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Gans;

/// <summary>
/// A discriminator D(x, y): samples [N, …<see cref="GanOptions.SampleShape"/>] and, for conditional kinds, labels
/// int64 [N] → logits [N] (real is positive; apply a sigmoid for probabilities). The LAPGAN kinds' discriminator
/// instead judges whole pyramids, as its generator's training views present them (see <see cref="Lapgan.LapganDiscriminator"/>).
/// </summary>
public abstract class GanDiscriminator : nn.Module<Tensor, Tensor?, Tensor>
{
    /// <summary>Keeps a validated copy of <paramref name="options"/>.</summary>
    protected GanDiscriminator(string name, GanOptions options) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options.Clone();
    }

    /// <summary>The options the discriminator was built from (a copy).</summary>
    public GanOptions Options { get; }

    /// <summary>Checks the samples (and labels) and returns the batch size.</summary>
    /// <exception cref="ArgumentException">Wrong shapes, dtype or label values, or labels given to (or missing from) the kind.</exception>
    protected long CheckInputs(Tensor samples, Tensor? labels)
    {
        ArgumentNullException.ThrowIfNull(samples);
        long[] expected = [-1, .. Options.SampleShape.Select(d => (long)d)];
        if (samples.dim() != expected.Length || !samples.shape.Skip(1).SequenceEqual(expected.Skip(1)))
            throw new ArgumentException(
                $"{Options.Kind} discriminator: samples must be [N, {string.Join(", ", Options.SampleShape)}], not [{string.Join(", ", samples.shape)}]", nameof(samples));
        GanLabels.Check(Options, labels, samples.size(0), nameof(labels));
        return samples.size(0);
    }
}
