using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Models.SuperResolution;

/// <summary>
/// The SRResNet generator of Ledig et al. 2017 (also SRGAN's generator): conv 9×9 → PReLU; residual blocks; conv 3×3
/// [→ BN] plus the long skip from the first PReLU; one PixelShuffle stage per factor 2; conv 9×9 to the image channels.
/// </summary>
/// <remarks>
/// It maps float32 images [N, C, H, W] in [0, 1] to [N, C, H × scale, W × scale] predicting values in [0, 1] (not
/// clamped, so training sees true gradients; clamp when converting to pixels). Each upsampling stage is conv 3×3 to
/// 4× width → PixelShuffle(2) → PReLU. With <see cref="SrResNetOptions.BicubicResidual"/> the bicubic upsample of the
/// input is added to the last convolution's output. Fully convolutional: any H and W. State keys: <c>head</c>,
/// <c>head_act</c>, <c>blocks.N.*</c>, <c>trunk_conv</c>, <c>trunk_norm</c>, <c>upsampler.N</c>, <c>tail</c>.
/// </remarks>
public sealed class SrResNet : Module<Tensor, Tensor>
{
    [ComponentName(Name = "head")] private readonly Conv2d _head;
    [ComponentName(Name = "head_act")] private readonly PReLU _headActivation;
    [ComponentName(Name = "blocks")] private readonly Sequential _blocks = Sequential();
    [ComponentName(Name = "trunk_conv")] private readonly Conv2d _trunkConv;
    [ComponentName(Name = "trunk_norm")] private readonly BatchNorm2d? _trunkNorm;
    [ComponentName(Name = "upsampler")] private readonly Sequential _upsampler = Sequential();
    [ComponentName(Name = "tail")] private readonly Conv2d _tail;

    /// <summary>Builds the network with PyTorch's default initialisation drawn from <paramref name="init"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the option).</exception>
    public SrResNet(SrResNetOptions options, Generator init) : base(nameof(SrResNet))
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(init);
        options.Validate();
        Options = options.Clone();
        int width = options.Width;
        _head = Conv2d(options.Channels, width, 9, padding: 4);
        _headActivation = PReLU(1);
        for (int i = 0; i < options.BlockCount; i++)
            _blocks.append(new SrResidualBlock(width, options.BatchNorm, options.ResidualScaling));
        _trunkConv = Conv2d(width, width, 3, padding: 1, bias: !options.BatchNorm);
        _trunkNorm = options.BatchNorm ? BatchNorm2d(width) : null;
        for (int stage = 0; stage < UpsamplingStages; stage++)
        {
            _upsampler.append(Conv2d(width, 4L * width, 3, padding: 1));
            _upsampler.append(PixelShuffle(2));
            _upsampler.append(PReLU(1));
        }
        _tail = Conv2d(width, options.Channels, 9, padding: 4);
        RegisterComponents();
        SeededInit.ResetParameters(this, init);
        this.to(TorchRuntime.DefaultDevice);
    }

    /// <summary>Builds the network initialised from <paramref name="seed"/>.</summary>
    public static SrResNet Create(SrResNetOptions options, ulong seed)
    {
        TorchRuntime.EnsureLoaded();
        using var init = new Generator(seed);
        return new SrResNet(options, init);
    }

    /// <summary>A copy of the options the network was built with.</summary>
    public SrResNetOptions Options { get; }

    /// <summary>The upscaling factor.</summary>
    public int Scale => Options.Scale;

    private int UpsamplingStages => Options.Scale == 4 ? 2 : 1;

    /// <summary>
    /// How far (in input pixels) an output pixel can see: the radius of the receptive field, rounded up. Tiles that
    /// overlap by at least this much give exactly the untiled result once the overlap is cropped.
    /// </summary>
    public int ReceptiveRadius
    {
        get
        {
            // 9×9 head, two 3×3 per block, the trunk's 3×3; each upsampling conv at resolution 2^k sees 1/2^k input
            // pixels; the 9×9 tail sees 4/scale. The bicubic residual reaches 2 pixels.
            double radius = 4 + 2.0 * Options.BlockCount + 1;
            for (int stage = 0; stage < UpsamplingStages; stage++) radius += 1.0 / (1 << stage);
            radius += 4.0 / Options.Scale;
            return (int)Math.Ceiling(Math.Max(radius, 2));
        }
    }

    /// <summary>Upscales <paramref name="input"/> (float32 [N, C, H, W] in [0, 1]).</summary>
    /// <exception cref="ArgumentException">The input is not [N, Channels, H, W].</exception>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4 || input.size(1) != Options.Channels)
            throw new ArgumentException($"SRResNet expects images [N, {Options.Channels}, H, W], got {ShapeText.Of(input)}", nameof(input));
        // Each intermediate is freed as soon as the next one exists (autograd keeps its own reference to what backward
        // needs): at ×4 they are tens of MB, and holding them to the end of the call makes the allocator hand back and
        // re-fault fresh pages on every call instead of reusing freed blocks.
        var head = Then(_head.call(input), _headActivation.call);
        var trunk = Then(_blocks.call(head), _trunkConv.call);
        if (_trunkNorm is not null) trunk = Then(trunk, _trunkNorm.call);
        var output = Then(Then(Then(trunk, t => t.add(head)), _upsampler.call), Tail);
        head.Dispose();
        if (Options.BicubicResidual)
        {
            using var bicubic = AntialiasedBicubic.Upscale(input, Options.Scale);
            output = Then(output, o => o.add(bicubic));
        }
        return output;
    }

    // Without gradients (inference, validation) the tail to the image channels runs regrouped by kernel column where
    // that is faster (ColumnSplitConvolution.Pays); training keeps the plain convolution and its backward.
    private Tensor Tail(Tensor x) => !is_grad_enabled() && ColumnSplitConvolution.Suits(x, _tail.weight) && ColumnSplitConvolution.Pays(x)
        ? ColumnSplitConvolution.Conv2d(x, _tail.weight, _tail.bias, (4, 4))
        : _tail.call(x);

    /// <summary>Applies <paramref name="next"/> to <paramref name="x"/>, then frees <paramref name="x"/>.</summary>
    internal static Tensor Then(Tensor x, Func<Tensor, Tensor> next)
    {
        var y = next(x);
        x.Dispose();
        return y;
    }
}
