using Gan.Torch;
using Gan.Torch.NN;

namespace Gan.Models.Gans.Mlp;

/// <summary>
/// The MLP discriminator of the Vanilla and Conditional GANs, as in the PyTorch-GAN port. Vanilla: flattened sample →
/// 4w → 2w → 1 with LeakyReLU(0.2). Conditional: the flattened sample joined to the label embedding → 4w → 4w → 4w → 1,
/// with Dropout(0.4) after the second and third layers (Mirza and Osindero used dropout in D too). Output: one logit.
/// </summary>
public sealed class MlpDiscriminator : GanDiscriminator
{
    /// <summary>The dropout probability of the conditional discriminator.</summary>
    public const double ConditionalDropout = 0.4;

    private readonly Embedding? _labelEmbedding;
    private readonly Sequential _model;

    /// <summary>Builds the discriminator for <paramref name="options"/> (an MLP kind), its weights drawn from <paramref name="init"/>.</summary>
    /// <remarks>Dropout draws from the global generator, which the trainer's checkpoints save and restore.</remarks>
    /// <exception cref="ArgumentException">The options are invalid or not an MLP kind.</exception>
    public MlpDiscriminator(GanOptions options, Generator init) : base(options)
    {
        ArgumentNullException.ThrowIfNull(init);
        if (Options.IsConvolutional) throw new ArgumentException($"{Options.Kind} is not an MLP GAN kind", nameof(options));
        int w = Options.EffectiveDiscriminatorWidth;
        if (Options.IsConditional)
        {
            _labelEmbedding = new Embedding(Options.ClassCount, Options.EffectiveLabelEmbeddingSize);
            _model = new Sequential(
                new Linear(Options.SampleSize + Options.EffectiveLabelEmbeddingSize, 4 * w), new LeakyReLU(0.2),
                new Linear(4 * w, 4 * w), new Dropout(ConditionalDropout), new LeakyReLU(0.2),
                new Linear(4 * w, 4 * w), new Dropout(ConditionalDropout), new LeakyReLU(0.2),
                new Linear(4 * w, 1));
        }
        else
        {
            _model = new Sequential(
                new Linear(Options.SampleSize, 4 * w), new LeakyReLU(0.2),
                new Linear(4 * w, 2 * w), new LeakyReLU(0.2),
                new Linear(2 * w, 1));
        }
        RegisterComponents();
        GanInitialization.Default(this, init);
    }

    /// <summary>(samples [N, …sample shape], labels int64 [N] or null) → logits [N].</summary>
    public override Tensor Forward(Tensor input1, Tensor? input2)
    {
        long n = CheckInputs(input1, input2);
        using var scope = Tensors.NewDisposeScope();
        var x = input1.Reshape(n, -1);
        if (_labelEmbedding is not null) x = Tensors.Cat([x, _labelEmbedding.Call(input2!)], 1);
        return scope.MoveToOuter(_model.Call(x).View(n));
    }
}
