using Gan.Torch;
using Gan.Torch.NN;

namespace Gan.Models.SuperResolution;

/// <summary>
/// One residual block of SRResNet: conv 3×3 → [BN] → PReLU → conv 3×3 → [BN], scaled and added to the input
/// (Ledig et al. 2017, Fig. 4; without BN and with residual scaling as in EDSR).
/// </summary>
internal sealed class SrResidualBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d? _norm1;
    private readonly PReLU _activation;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d? _norm2;
    private readonly double _scaling;

    public SrResidualBlock(int width, bool batchNorm, double scaling)
    {
        _conv1 = new Conv2d(width, width, 3, padding: 1, bias: !batchNorm);
        _norm1 = batchNorm ? new BatchNorm2d(width) : null;
        _activation = new PReLU();
        _conv2 = new Conv2d(width, width, 3, padding: 1, bias: !batchNorm);
        _norm2 = batchNorm ? new BatchNorm2d(width) : null;
        _scaling = scaling;
        RegisterComponents();
    }

    public override Tensor Forward(Tensor input)
    {
        using var scope = Tensors.NewDisposeScope();
        // Intermediates are freed as soon as they are used, as in SrResNet.Forward.
        var x = _conv1.Call(input);
        if (_norm1 is not null) x = SrResNet.Then(x, _norm1.Call);
        x = SrResNet.Then(SrResNet.Then(x, _activation.Call), _conv2.Call);
        if (_norm2 is not null) x = SrResNet.Then(x, _norm2.Call);
        if (_scaling != 1.0) x = SrResNet.Then(x, t => t.Mul(_scaling));
        return SrResNet.Then(x, t => t.Add(input)).MoveToOuterDisposeScope();
    }
}
