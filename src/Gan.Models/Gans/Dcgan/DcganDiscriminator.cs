using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Models.Gans.Dcgan;

/// <summary>
/// The DCGAN discriminator (Radford et al. 2015; laid out as the PyTorch DCGAN example's <c>Discriminator</c>): the
/// generator's <see cref="DcganLayout"/> run backwards with strided convolutions without bias, LeakyReLU(0.2) after
/// each, BatchNorm2d after all but the input layer, and a last convolution to one logit per image (no sigmoid: the
/// losses take logits). w = <see cref="GanOptions.EffectiveDiscriminatorWidth"/> (ndf).
/// </summary>
/// <remarks>
/// The conditional kind embeds the label (<see cref="GanOptions.EffectiveLabelEmbeddingSize"/> values) and broadcasts
/// each value to an H×W map, joined to the image as extra input channels. Conditioning at the input, as Mirza and
/// Osindero join y to x, lets every layer of D judge the image and the label together at every position; it is the
/// design of the common conditional DCGANs on MNIST (one-hot maps there, which the learned embedding generalises:
/// with the default size of one value per class it can represent them), and it costs only a few input channels of
/// the first convolution. State keys: <c>main.0.weight</c>, … and <c>label_emb.weight</c>.
/// </remarks>
public sealed class DcganDiscriminator : GanDiscriminator
{
    [ComponentName(Name = "label_emb")] private readonly Embedding? _labelEmbedding;
    [ComponentName(Name = "main")] private readonly Sequential _main = Sequential();

    /// <summary>Builds the discriminator for <paramref name="options"/> (a DCGAN kind), its weights drawn from <paramref name="init"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid or not a DCGAN kind.</exception>
    public DcganDiscriminator(GanOptions options, Generator init) : base(nameof(DcganDiscriminator), options)
    {
        ArgumentNullException.ThrowIfNull(init);
        var layout = DcganLayout.For(Options);
        _labelEmbedding = GanLabels.CreateEmbedding(Options);
        long input = Options.SampleShape[0] + (_labelEmbedding is null ? 0 : Options.EffectiveLabelEmbeddingSize);
        long width = Options.EffectiveDiscriminatorWidth;
        var layers = layout.Layers;
        for (int i = layers.Count - 1; i >= 0; i--)
        {
            var layer = layers[i];
            bool isLogit = i == 0;
            long output = isLogit ? 1 : layers[i - 1].WidthMultiplier * width;
            _main.append(Conv2d(input, output, layer.Kernel, layer.Stride, layer.Padding, bias: false));
            if (!isLogit)
            {
                if (i != layers.Count - 1) _main.append(BatchNorm2d(output));
                _main.append(LeakyReLU(0.2));
            }
            input = output;
        }
        RegisterComponents();
        GanInitialization.Dcgan(this, init);
        this.to(TorchRuntime.DefaultDevice);
    }

    /// <summary>(images [N, C, H, W], labels int64 [N] or null) → logits [N].</summary>
    public override Tensor forward(Tensor images, Tensor? labels)
    {
        long n = CheckInputs(images, labels);
        using var scope = NewDisposeScope();
        var x = images;
        if (_labelEmbedding is not null)
        {
            long side = images.size(2), size = Options.EffectiveLabelEmbeddingSize;
            var maps = _labelEmbedding.call(labels!).view(n, size, 1, 1).expand(n, size, side, side);
            x = cat([images, maps], 1);
        }
        return _main.call(x).view(n).MoveToOuterDisposeScope();
    }
}
