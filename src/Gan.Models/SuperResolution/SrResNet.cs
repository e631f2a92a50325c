using Gan.Models.Gans;
using Gan.Torch;
using Gan.Torch.NN;

namespace Gan.Models.SuperResolution;

/// <summary>
/// The SRResNet generator of Ledig et al. 2017 (also SRGAN's generator): conv 9×9 → PReLU; residual blocks; conv 3×3
/// [→ BN] plus the long skip from the first PReLU; one PixelShuffle stage per factor 2 (conv 3×3 to 4× width →
/// PixelShuffle(2) → PReLU); conv 9×9 to the image channels. It maps float32 images [N, C, H, W] in [0, 1] to
/// [N, C, H × scale, W × scale] predicting values in [0, 1] (not clamped, so training sees true gradients; clamp when
/// converting to pixels). With <see cref="SrResNetOptions.BicubicResidual"/> the bicubic upsample of the input is
/// added to the last convolution's output. Fully convolutional: any H and W.
/// </summary>
public sealed class SrResNet : Module<Tensor, Tensor>
{
    private readonly Conv2d _head;
    [ComponentName("head_act")] private readonly PReLU _headActivation;
    private readonly Sequential _blocks = new();
    [ComponentName("trunk_conv")] private readonly Conv2d _trunkConv;
    [ComponentName("trunk_norm")] private readonly BatchNorm2d? _trunkNorm;
    private readonly Sequential _upsampler = new();
    private readonly Conv2d _tail;

    /// <summary>Builds the network with PyTorch's default initialisation drawn from <paramref name="init"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the option).</exception>
    public SrResNet(SrResNetOptions options, Generator init)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(init);
        options.Validate();
        Options = options.Clone();
        int width = options.Width;
        _head = new Conv2d(options.Channels, width, 9, padding: 4);
        _headActivation = new PReLU();
        for (int i = 0; i < options.BlockCount; i++)
            _blocks.Append(new SrResidualBlock(width, options.BatchNorm, options.ResidualScaling));
        _trunkConv = new Conv2d(width, width, 3, padding: 1, bias: !options.BatchNorm);
        _trunkNorm = options.BatchNorm ? new BatchNorm2d(width) : null;
        for (int stage = 0; stage < UpsamplingStages; stage++)
        {
            _upsampler.Append(new Conv2d(width, 4L * width, 3, padding: 1));
            _upsampler.Append(new PixelShuffle(2));
            _upsampler.Append(new PReLU());
        }
        _tail = new Conv2d(width, options.Channels, 9, padding: 4);
        RegisterComponents();
        GanInitialization.Default(this, init);
    }

    /// <summary>Builds the network initialised from <paramref name="seed"/>.</summary>
    public static SrResNet Create(SrResNetOptions options, ulong seed)
    {
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
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim != 4 || input.Size(1) != Options.Channels)
            throw new ArgumentException($"SRResNet expects images [N, {Options.Channels}, H, W], got {ShapeText.Of(input)}", nameof(input));
        // Each intermediate is freed as soon as the next one exists (autograd keeps its own reference to what backward
        // needs): at ×4 they are tens of MB, and holding them to the end of the call would make glibc hand back and
        // re-fault fresh pages on every call instead of reusing freed blocks (measured: ≈ 7 % slower inference).
        using var scope = Tensors.NewDisposeScope();
        var head = Then(_head.Call(input), _headActivation.Call);
        var trunk = Then(_blocks.Call(head), _trunkConv.Call);
        if (_trunkNorm is not null) trunk = Then(trunk, _trunkNorm.Call);
        var output = Then(Then(Then(trunk, t => t.Add(head)), _upsampler.Call), _tail.Call);
        head.Dispose();
        if (Options.BicubicResidual)
        {
            using var bicubic = AntialiasedBicubic.Upscale(input, Options.Scale);
            output = Then(output, o => o.Add(bicubic));
        }
        return scope.MoveToOuter(output);
    }

    /// <summary>Applies <paramref name="next"/> to <paramref name="x"/>, then frees <paramref name="x"/>.</summary>
    internal static Tensor Then(Tensor x, Func<Tensor, Tensor> next)
    {
        var y = next(x);
        x.Dispose();
        return y;
    }
}
