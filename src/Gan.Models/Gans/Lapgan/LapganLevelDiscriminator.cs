using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Models.Gans.Lapgan;

/// <summary>
/// The discriminator D_k of one refinement level (eyescream's CIFAR coarse-to-fine D): it judges l + h, the low-pass
/// image with the real or generated residual added "before the first convolution layer" (Denton et al.), joined with
/// a label plane when conditional → 5×5 convolution, ReLU → strided 5×5 convolution, ReLU → dropout 0.5 → linear → one
/// logit. Convolutions are zero-padded here (eyescream's are not) so that every side from 8 px works.
/// </summary>
internal sealed class LapganLevelDiscriminator : nn.Module<Tensor, Tensor?, Tensor>
{
    /// <summary>Dropout before the last layer, as eyescream's D.</summary>
    public const double DropoutRate = 0.5;

    [ComponentName(Name = "label_plane")] private readonly Embedding? _labelPlane;
    [ComponentName(Name = "main")] private readonly Sequential _main;

    /// <summary>The level's image side.</summary>
    public int Side { get; }

    public LapganLevelDiscriminator(int channels, int side, int width, int classCount) : base(nameof(LapganLevelDiscriminator))
    {
        Side = side;
        _labelPlane = classCount > 0 ? Embedding(classCount, (long)side * side) : null;
        long input = channels + (_labelPlane is null ? 0 : 1);
        int kernel = LapganLevelGenerator.Kernel;
        long reduced = (side + 1) / 2;
        _main = Sequential(
            Conv2d(input, width, kernel, padding: kernel / 2), ReLU(),
            Conv2d(width, width, kernel, stride: 2, padding: kernel / 2), ReLU(),
            Flatten(), Dropout(DropoutRate), Linear(width * reduced * reduced, 1));
        RegisterComponents();
    }

    /// <summary>(images l + h [N, C, s, s], labels int64 [N] or null) → logits [N].</summary>
    public override Tensor forward(Tensor images, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        long n = images.size(0);
        var x = _labelPlane is null ? images : cat([images, LapganLevelGenerator.LabelPlane(_labelPlane, labels!, n, Side)], 1);
        return _main.call(x).view(n).MoveToOuterDisposeScope();
    }
}
