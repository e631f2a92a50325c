using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Models.Gans.Lapgan;

/// <summary>
/// The generator G_k of one refinement level (eyescream's CIFAR coarse-to-fine G): the upsampled coarser image l, a
/// noise plane and, when conditional, a label plane, joined as channels → three "same" 5×5 convolutions with ReLU
/// between them → the band-pass residual ĥ (linear output: residuals are signed and small). State keys:
/// <c>main.0.weight</c>, … and <c>label_plane.weight</c>.
/// </summary>
internal sealed class LapganLevelGenerator : nn.Module<Tensor, Tensor, Tensor?, Tensor>
{
    /// <summary>The kernel side of every convolution (eyescream: 7, 7, 5; 5 throughout is cheaper on CPUs).</summary>
    public const int Kernel = 5;

    [ComponentName(Name = "label_plane")] private readonly Embedding? _labelPlane;
    [ComponentName(Name = "main")] private readonly Sequential _main;

    /// <summary>The level's image side.</summary>
    public int Side { get; }

    public LapganLevelGenerator(int channels, int side, int width, int classCount) : base(nameof(LapganLevelGenerator))
    {
        Side = side;
        // eyescream maps the one-hot label through Linear(classes → side²) and ReLU to one plane; an embedding row is
        // the same linear map of a one-hot vector.
        _labelPlane = classCount > 0 ? Embedding(classCount, (long)side * side) : null;
        long input = channels + 1 + (_labelPlane is null ? 0 : 1);
        _main = Sequential(
            Conv2d(input, width, Kernel, padding: Kernel / 2), ReLU(),
            Conv2d(width, width, Kernel, padding: Kernel / 2), ReLU(),
            Conv2d(width, channels, Kernel, padding: Kernel / 2));
        RegisterComponents();
    }

    /// <summary>(l [N, C, s, s], noise [N, s²], labels int64 [N] or null) → ĥ [N, C, s, s].</summary>
    public override Tensor forward(Tensor lowPass, Tensor noise, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        long n = lowPass.size(0);
        List<Tensor> planes = [lowPass, noise.reshape(n, 1, Side, Side)];
        if (_labelPlane is not null) planes.Add(LabelPlane(_labelPlane, labels!, n, Side));
        return _main.call(cat(planes, 1)).MoveToOuterDisposeScope();
    }

    /// <summary>The label as one s×s plane: ReLU(embedding row), as eyescream's Linear + ReLU of the one-hot label.</summary>
    public static Tensor LabelPlane(Embedding plane, Tensor labels, long n, int side) =>
        plane.call(labels).relu().reshape(n, 1, side, side);
}
