using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Models.Gans.Dcgan;

/// <summary>
/// The DCGAN generator (Radford et al. 2015; laid out as the PyTorch DCGAN example's <c>Generator</c>): z as a 1×1
/// map → transposed convolutions without bias, each followed by BatchNorm2d and ReLU, up to the image, whose layer has
/// no BatchNorm and ends in tanh. The sides and widths per image size are <see cref="DcganLayout"/>'s (w =
/// <see cref="GanOptions.EffectiveGeneratorWidth"/>, ngf). The conditional kind joins a label embedding to z, so the
/// first layer sees [embedding, z] as its input channels. State keys: <c>main.0.weight</c>, <c>main.1.weight</c>, …
/// as in the example, and <c>label_emb.weight</c> as in PyTorch-GAN.
/// </summary>
public sealed class DcganGenerator : GanGenerator
{
    [ComponentName(Name = "label_emb")] private readonly Embedding? _labelEmbedding;
    [ComponentName(Name = "main")] private readonly Sequential _main = Sequential();

    /// <summary>Builds the generator for <paramref name="options"/> (a DCGAN kind), its weights drawn from <paramref name="init"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid or not a DCGAN kind.</exception>
    public DcganGenerator(GanOptions options, Generator init) : base(nameof(DcganGenerator), options)
    {
        ArgumentNullException.ThrowIfNull(init);
        var layout = DcganLayout.For(Options);
        _labelEmbedding = GanLabels.CreateEmbedding(Options);
        long input = Options.LatentSize + (_labelEmbedding is null ? 0 : Options.EffectiveLabelEmbeddingSize);
        long width = Options.EffectiveGeneratorWidth;
        foreach (var layer in layout.Layers)
        {
            bool isImage = layer.WidthMultiplier == 0;
            long output = isImage ? Options.SampleShape[0] : layer.WidthMultiplier * width;
            _main.append(ConvTranspose2d(input, output, layer.Kernel, layer.Stride, layer.Padding, bias: false));
            if (isImage) _main.append(Tanh());
            else _main.append(BatchNorm2d(output)).append(ReLU());
            input = output;
        }
        RegisterComponents();
        GanInitialization.Dcgan(this, init);
        this.to(TorchRuntime.DefaultDevice);
    }

    /// <summary>(z [N, latent], labels int64 [N] or null) → images [N, C, H, W] in [−1, 1].</summary>
    public override Tensor forward(Tensor noise, Tensor? labels)
    {
        long n = CheckInputs(noise, labels);
        using var scope = NewDisposeScope();
        var z = _labelEmbedding is null ? noise : cat([_labelEmbedding.call(labels!), noise], 1);
        return _main.call(z.view(n, z.size(1), 1, 1)).MoveToOuterDisposeScope();
    }
}
