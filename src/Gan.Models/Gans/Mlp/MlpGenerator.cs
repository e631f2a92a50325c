using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Models.Gans.Mlp;

/// <summary>
/// The MLP generator of the Vanilla and Conditional GANs (Goodfellow et al. 2014; Mirza and Osindero 2014), laid out as
/// the widely used PyTorch-GAN port: z (joined after the label embedding when conditional) → w → 2w → 4w → 8w → sample
/// size → tanh, with LeakyReLU(0.2) after every hidden layer and BatchNorm on all but the first.
/// </summary>
/// <remarks>
/// The Keras original writes <c>BatchNormalization(momentum=0.8)</c>; the PyTorch port passes that 0.8 as the
/// positional <c>eps</c> of <c>BatchNorm1d</c>, which divides by √(var + 0.8) and so barely normalises
/// small-variance activations. We keep PyTorch's eps (1e-5) and translate the Keras momentum instead: Keras keeps
/// 0.8 of the old running statistics, which is PyTorch's <c>momentum = 0.2</c>. State keys: <c>labelEmb.weight</c>
/// (conditional) and <c>model.0.weight</c>, ….
/// </remarks>
public sealed class MlpGenerator : GanGenerator
{
    /// <summary>The BatchNorm1d eps in every hidden block (PyTorch's default).</summary>
    public const double BatchNormEps = 1e-5;

    /// <summary>The BatchNorm1d momentum in every hidden block (Keras' momentum 0.8 in PyTorch's convention).</summary>
    public const double BatchNormMomentum = 0.2;

    [ComponentName(Name = "labelEmb")] private readonly Embedding? _labelEmbedding;
    [ComponentName(Name = "model")] private readonly Sequential _model;

    /// <summary>Builds the generator for <paramref name="options"/> (an MLP kind), its weights drawn from <paramref name="init"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid or not an MLP kind.</exception>
    public MlpGenerator(GanOptions options, Generator init) : base(nameof(MlpGenerator), options)
    {
        ArgumentNullException.ThrowIfNull(init);
        if (Options.IsConvolutional) throw new ArgumentException($"{Options.Kind} is not an MLP GAN kind", nameof(options));
        int w = Options.EffectiveGeneratorWidth;
        int input = Options.LatentSize;
        _labelEmbedding = GanLabels.CreateEmbedding(Options);
        if (_labelEmbedding is not null) input += Options.EffectiveLabelEmbeddingSize;
        _model = Sequential(Linear(input, w), LeakyReLU(0.2));
        foreach (int width in new[] { 2 * w, 4 * w, 8 * w })
        {
            long previous = width / 2;
            _model.append(Linear(previous, width))
                .append(BatchNorm1d(width, BatchNormEps, BatchNormMomentum))
                .append(LeakyReLU(0.2));
        }
        _model.append(Linear(8 * w, Options.SampleSize)).append(Tanh());
        RegisterComponents();
        SeededInit.ResetParameters(this, init);
        this.to(TorchRuntime.DefaultDevice);
    }

    /// <summary>(z [N, latent], labels int64 [N] or null) → samples [N, …sample shape] in [−1, 1].</summary>
    public override Tensor forward(Tensor noise, Tensor? labels)
    {
        long n = CheckInputs(noise, labels);
        using var scope = NewDisposeScope();
        var x = _labelEmbedding is null ? noise : cat([_labelEmbedding.call(labels!), noise], 1);
        var flat = _model.call(x);
        return flat.view([n, .. Options.SampleShape.Select(d => (long)d)]).MoveToOuterDisposeScope();
    }
}
