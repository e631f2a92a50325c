using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Models.SuperResolution;

/// <summary>
/// The SRGAN discriminator (Ledig et al. 2017, Fig. 4): eight 3×3 convolutions with LeakyReLU 0.2, widths w, w, 2w,
/// 2w, 4w, 4w, 8w, 8w, stride 2 on every second, BatchNorm on all but the first; then dense 16w → LeakyReLU → dense 1.
/// </summary>
/// <remarks>
/// The paper's w is 64 (dense 1024) on 96×96 crops, whose last map is 6×6; here an adaptive average pool brings any
/// last map to 6×6 (the identity at 96×96), so one discriminator judges any patch size of at least 16. Takes images
/// [N, C, H, W] in [0, 1] and returns one logit per image [N]. State keys: <c>features.L.0</c> (conv),
/// <c>features.L.1</c> (BN), <c>classifier.1</c> and <c>classifier.3</c> (dense).
/// </remarks>
public sealed class SrganDiscriminator : Module<Tensor, Tensor>
{
    [ComponentName(Name = "features")] private readonly Sequential _features = Sequential();
    [ComponentName(Name = "classifier")] private readonly Sequential _classifier;

    /// <summary>Builds the discriminator with PyTorch's default initialisation drawn from <paramref name="init"/>.</summary>
    /// <param name="channels">Image channels (3 or 1).</param>
    /// <param name="width">w, the first convolution's channels (64 in the paper).</param>
    /// <param name="init">Initialisation randomness.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public SrganDiscriminator(int channels, int width, Generator init) : base(nameof(SrganDiscriminator))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentNullException.ThrowIfNull(init);
        Channels = channels;
        int input = channels;
        for (int layer = 0; layer < 8; layer++)
        {
            int output = width << (layer / 2);
            int stride = layer % 2 == 1 ? 2 : 1;
            var block = Sequential(Conv2d(input, output, 3, stride: stride, padding: 1, bias: layer == 0));
            if (layer > 0) block.append(BatchNorm2d(output));
            block.append(LeakyReLU(0.2));
            _features.append(block);
            input = output;
        }
        _classifier = Sequential(Flatten(), Linear((long)input * PooledSide * PooledSide, 16L * width), LeakyReLU(0.2),
            Linear(16L * width, 1));
        RegisterComponents();
        SeededInit.ResetParameters(this, init);
        this.to(TorchRuntime.DefaultDevice);
    }

    private const int PooledSide = 6;
    private const int SmallestSide = 16;

    /// <summary>Image channels.</summary>
    public int Channels { get; }

    /// <summary>One logit per image: [N].</summary>
    /// <exception cref="ArgumentException">The images are not [N, Channels, H, W] with H, W ≥ 16.</exception>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = Features(input);
        var pooled = functional.adaptive_avg_pool2d(features[^1], [PooledSide, PooledSide]);
        return _classifier.call(pooled).view(input.size(0)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The activations after each stride-2 stage (4 maps, from fine to coarse): what the discriminator-feature content
    /// loss compares, since no pretrained VGG exists here. Intermediate maps belong to the caller's dispose scope.
    /// </summary>
    /// <exception cref="ArgumentException">The images are not [N, Channels, H, W] with H, W ≥ 16.</exception>
    public IReadOnlyList<Tensor> Features(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4 || input.size(1) != Channels || input.size(2) < SmallestSide || input.size(3) < SmallestSide)
            throw new ArgumentException(
                $"the SRGAN discriminator expects images [N, {Channels}, H, W] with H and W at least {SmallestSide}, got {ShapeText.Of(input)}", nameof(input));
        var stages = new List<Tensor>();
        var x = input;
        for (int layer = 0; layer < _features.Count; layer++)
        {
            x = _features[layer].call(x);
            if (layer % 2 == 1) stages.Add(x);
        }
        return stages;
    }
}
