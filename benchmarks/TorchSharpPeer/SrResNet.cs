using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace TorchSharpPeer;

/// <summary>Residual block without BatchNorm: conv 3×3 → PReLU → conv 3×3, scaled, plus the input (the peer's <c>SrResidualBlock</c>).</summary>
internal sealed class SrResidualBlock : Module<Tensor, Tensor>
{
    [ComponentName(Name = "conv1")] private readonly Conv2d _conv1;
    [ComponentName(Name = "activation")] private readonly PReLU _activation;
    [ComponentName(Name = "conv2")] private readonly Conv2d _conv2;
    private readonly double _scaling;

    public SrResidualBlock(int width, double scaling) : base(nameof(SrResidualBlock))
    {
        _conv1 = Conv2d(width, width, 3, padding: 1);
        _activation = PReLU(1);
        _conv2 = Conv2d(width, width, 3, padding: 1);
        _scaling = scaling;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var y = _conv2.call(_activation.call(_conv1.call(x)));
        if (_scaling != 1.0) y = y * _scaling;
        return y + x;
    }
}

/// <summary>
/// Gan.Models' SrResNet with BatchNorm off, as the bundled models are (the peer's <c>SrResNet</c>), with the same
/// state-dict keys: head 9×9 → PReLU, residual blocks, trunk conv plus the long skip, PixelShuffle stages, tail 9×9,
/// plus the antialiased bicubic upsample of the input when <c>bicubic_residual</c> is set.
/// </summary>
internal sealed class SrResNet : Module<Tensor, Tensor>
{
    [ComponentName(Name = "head")] private readonly Conv2d _head;
    [ComponentName(Name = "head_act")] private readonly PReLU _headActivation;
    [ComponentName(Name = "blocks")] private readonly Sequential _blocks;
    [ComponentName(Name = "trunk_conv")] private readonly Conv2d _trunkConv;
    [ComponentName(Name = "upsampler")] private readonly Sequential _upsampler;
    [ComponentName(Name = "tail")] private readonly Conv2d _tail;
    private readonly int _scale;
    private readonly bool _bicubicResidual;

    private SrResNet(int scale, int blocks, int width, int channels, double scaling, bool bicubicResidual) : base(nameof(SrResNet))
    {
        _scale = scale;
        _bicubicResidual = bicubicResidual;
        _head = Conv2d(channels, width, 9, padding: 4);
        _headActivation = PReLU(1);
        _blocks = Sequential(Enumerable.Range(0, blocks).Select(_ => (Module<Tensor, Tensor>)new SrResidualBlock(width, scaling)).ToArray());
        _trunkConv = Conv2d(width, width, 3, padding: 1);
        _upsampler = Sequential();
        for (int stage = 0; stage < (scale == 4 ? 2 : 1); stage++)
        {
            _upsampler.append(Conv2d(width, 4 * width, 3, padding: 1));
            _upsampler.append(PixelShuffle(2));
            _upsampler.append(PReLU(1));
        }
        _tail = Conv2d(width, channels, 9, padding: 4);
        RegisterComponents();
    }

    /// <summary>Builds the network that <paramref name="path"/>'s metadata describes (srresnet.* keys) and loads its
    /// weights strictly; in eval mode.</summary>
    public static SrResNet Load(string path)
    {
        var (tensors, meta) = SafeTensors.Load(path);
        try
        {
            if (meta.GetValueOrDefault("srresnet.kind") != "SrResNet" || meta.GetValueOrDefault("srresnet.batch_norm") != "false")
                throw new InvalidDataException($"{path}: not an SRResNet without BatchNorm");
            int Int(string key) => int.Parse(meta[key], CultureInfo.InvariantCulture);
            var network = new SrResNet(Int("srresnet.scale"), Int("srresnet.blocks"), Int("srresnet.width"), Int("srresnet.channels"),
                double.Parse(meta["srresnet.residual_scaling"], CultureInfo.InvariantCulture), meta["srresnet.bicubic_residual"] == "true");
            network.load_state_dict(tensors, strict: true);
            network.eval();
            return network;
        }
        finally
        {
            foreach (var tensor in tensors.Values) tensor.Dispose();
        }
    }

    public override Tensor forward(Tensor x)
    {
        var head = _headActivation.call(_head.call(x));
        var output = _tail.call(_upsampler.call(_trunkConv.call(_blocks.call(head)) + head));
        if (!_bicubicResidual) return output;
        long[] size = [x.shape[^2] * _scale, x.shape[^1] * _scale];
        return output + F.interpolate(x, size, mode: InterpolationMode.Bicubic, align_corners: false, antialias: true);
    }
}
