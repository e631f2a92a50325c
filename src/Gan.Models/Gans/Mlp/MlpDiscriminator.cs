using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Models.Gans.Mlp;

/// <summary>
/// The MLP discriminator of the Vanilla and Conditional GANs, as in the PyTorch-GAN port. Vanilla: flattened sample →
/// 4w → 2w → 1 with LeakyReLU(0.2). Conditional: the flattened sample joined to the label embedding → 4w → 4w → 4w → 1,
/// with Dropout(0.4) after the second and third layers (Mirza and Osindero used dropout in D too). Output: one logit.
/// </summary>
/// <remarks>State keys: <c>labelEmbedding.weight</c> (conditional) and <c>model.0.weight</c>, ….</remarks>
public sealed class MlpDiscriminator : GanDiscriminator
{
    /// <summary>The dropout probability of the conditional discriminator.</summary>
    public const double ConditionalDropout = 0.4;

    [ComponentName(Name = "labelEmbedding")] private readonly Embedding? _labelEmbedding;
    [ComponentName(Name = "model")] private readonly Sequential _model;

    /// <summary>Builds the discriminator for <paramref name="options"/> (an MLP kind), its weights drawn from <paramref name="init"/>.</summary>
    /// <remarks>Dropout draws from the global generator, which the trainer's checkpoints save and restore.</remarks>
    /// <exception cref="ArgumentException">The options are invalid or not an MLP kind.</exception>
    public MlpDiscriminator(GanOptions options, Generator init) : base(nameof(MlpDiscriminator), options)
    {
        ArgumentNullException.ThrowIfNull(init);
        if (Options.IsConvolutional) throw new ArgumentException($"{Options.Kind} is not an MLP GAN kind", nameof(options));
        int w = Options.EffectiveDiscriminatorWidth;
        if (Options.IsConditional)
        {
            _labelEmbedding = GanLabels.CreateEmbedding(Options);
            _model = Sequential(
                Linear(Options.SampleSize + Options.EffectiveLabelEmbeddingSize, 4 * w), LeakyReLU(0.2),
                Linear(4 * w, 4 * w), Dropout(ConditionalDropout), LeakyReLU(0.2),
                Linear(4 * w, 4 * w), Dropout(ConditionalDropout), LeakyReLU(0.2),
                Linear(4 * w, 1));
        }
        else
        {
            _model = Sequential(
                Linear(Options.SampleSize, 4 * w), LeakyReLU(0.2),
                Linear(4 * w, 2 * w), LeakyReLU(0.2),
                Linear(2 * w, 1));
        }
        RegisterComponents();
        SeededInit.ResetParameters(this, init);
        this.to(TorchRuntime.DefaultDevice);
    }

    /// <summary>(samples [N, …sample shape], labels int64 [N] or null) → logits [N].</summary>
    public override Tensor forward(Tensor samples, Tensor? labels)
    {
        long n = CheckInputs(samples, labels);
        using var scope = NewDisposeScope();
        var x = samples.reshape(n, -1);
        if (_labelEmbedding is not null) x = cat([x, _labelEmbedding.call(labels!)], 1);
        return _model.call(x).view(n).MoveToOuterDisposeScope();
    }
}
