using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Models.SuperResolution;

/// <summary>
/// One residual block of SRResNet: conv 3×3 → [BN] → PReLU → conv 3×3 → [BN], scaled and added to the input
/// (Ledig et al. 2017, Fig. 4; without BN and with residual scaling as in EDSR). State keys: <c>conv1</c>,
/// <c>norm1</c>, <c>activation</c>, <c>conv2</c>, <c>norm2</c>.
/// </summary>
internal sealed class SrResidualBlock : Module<Tensor, Tensor>
{
    [ComponentName(Name = "conv1")] private readonly Conv2d _conv1;
    [ComponentName(Name = "norm1")] private readonly BatchNorm2d? _norm1;
    [ComponentName(Name = "activation")] private readonly PReLU _activation;
    [ComponentName(Name = "conv2")] private readonly Conv2d _conv2;
    [ComponentName(Name = "norm2")] private readonly BatchNorm2d? _norm2;
    private readonly double _scaling;

    public SrResidualBlock(int width, bool batchNorm, double scaling) : base(nameof(SrResidualBlock))
    {
        _conv1 = Conv2d(width, width, 3, padding: 1, bias: !batchNorm);
        _norm1 = batchNorm ? BatchNorm2d(width) : null;
        _activation = PReLU(1);
        _conv2 = Conv2d(width, width, 3, padding: 1, bias: !batchNorm);
        _norm2 = batchNorm ? BatchNorm2d(width) : null;
        _scaling = scaling;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        // Intermediates are freed as soon as they are used, as in SrResNet.forward.
        var x = _conv1.call(input);
        if (_norm1 is not null) x = SrResNet.Then(x, _norm1.call);
        x = SrResNet.Then(SrResNet.Then(x, _activation.call), _conv2.call);
        if (_norm2 is not null) x = SrResNet.Then(x, _norm2.call);
        if (_scaling != 1.0) x = SrResNet.Then(x, t => t.mul(_scaling));
        return SrResNet.Then(x, t => t.add(input));
    }
}
