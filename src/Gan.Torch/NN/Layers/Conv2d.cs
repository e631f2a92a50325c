namespace Gan.Torch.NN;

/// <summary>2-D convolution layer (PyTorch's <c>nn.Conv2d</c>; state keys <c>weight</c>, <c>bias</c>).</summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter? _bias;

    /// <summary>A convolution with a square kernel and the same stride, padding and dilation in both directions.</summary>
    /// <param name="inChannels">Channels of the input.</param>
    /// <param name="outChannels">Channels of the output.</param>
    /// <param name="kernelSize">Side of the kernel.</param>
    /// <param name="stride">Step of the kernel.</param>
    /// <param name="padding">Pixels added on every side of the input.</param>
    /// <param name="dilation">Spacing between kernel taps.</param>
    /// <param name="groups">Blocked connections: each group of inChannels / groups inputs feeds outChannels / groups outputs.</param>
    /// <param name="bias">Whether to learn an additive bias.</param>
    /// <param name="paddingMode">What the padding holds: zeros (constant), a reflection or the replicated edge.</param>
    public Conv2d(long inChannels, long outChannels, int kernelSize, int stride = 1, int padding = 0, int dilation = 1,
        int groups = 1, bool bias = true, PaddingMode paddingMode = PaddingMode.Constant)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (dilation, dilation),
            groups, bias, paddingMode)
    {
    }

    /// <summary>A convolution with per-direction (height, width) kernel, stride, padding and dilation.</summary>
    /// <inheritdoc cref="Conv2d(long, long, int, int, int, int, int, bool, PaddingMode)"/>
    public Conv2d(long inChannels, long outChannels, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null,
        (int Height, int Width)? padding = null, (int Height, int Width)? dilation = null, int groups = 1, bool bias = true,
        PaddingMode paddingMode = PaddingMode.Constant)
    {
        DefaultInitialization.RequirePositive(inChannels, nameof(inChannels));
        DefaultInitialization.RequirePositive(outChannels, nameof(outChannels));
        DefaultInitialization.RequirePositive(Math.Min(kernelSize.Height, kernelSize.Width), nameof(kernelSize));
        DefaultInitialization.RequirePositive(groups, nameof(groups));
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException(
                $"groups ({groups}) must divide both inChannels ({inChannels}) and outChannels ({outChannels})", nameof(groups));
        if (!Enum.IsDefined(paddingMode))
            throw new ArgumentOutOfRangeException(nameof(paddingMode), paddingMode, $"unknown padding mode {paddingMode}");
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride ?? (1, 1);
        Padding = padding ?? (0, 0);
        Dilation = dilation ?? (1, 1);
        Groups = groups;
        PaddingMode = paddingMode;
        _weight = Parameter.Empty(outChannels, inChannels / groups, kernelSize.Height, kernelSize.Width);
        _bias = bias ? Parameter.Empty(outChannels) : null;
        ResetParameters();
        RegisterComponents();
    }

    /// <summary>Input channels.</summary>
    public long InChannels { get; }
    /// <summary>Output channels.</summary>
    public long OutChannels { get; }
    /// <summary>Kernel (height, width).</summary>
    public (int Height, int Width) KernelSize { get; }
    /// <summary>Stride (height, width).</summary>
    public (int Height, int Width) Stride { get; }
    /// <summary>Padding (height, width) on each side.</summary>
    public (int Height, int Width) Padding { get; }
    /// <summary>Dilation (height, width).</summary>
    public (int Height, int Width) Dilation { get; }
    /// <summary>Number of channel groups.</summary>
    public int Groups { get; }
    /// <summary>What the padding holds.</summary>
    public PaddingMode PaddingMode { get; }

    /// <summary>The kernel, shape (out_channels, in_channels / groups, kH, kW).</summary>
    public Parameter Weight => _weight;

    /// <summary>The bias, shape (out_channels), or null.</summary>
    public Parameter? Bias => _bias;

    /// <summary>Re-initialises like PyTorch: Kaiming uniform with a = √5 for the kernel, U(±1/√fan_in) for the bias.</summary>
    public void ResetParameters(Generator? generator = null) =>
        DefaultInitialization.KaimingUniformWithBias(_weight, _bias, generator);

    /// <summary>(N, C_in, H, W) → (N, C_out, H', W'); unbatched (C_in, H, W) inputs work too.</summary>
    public override Tensor Forward(Tensor input)
    {
        if (PaddingMode == PaddingMode.Constant)
            return Functional.Conv2d(input, _weight, _bias, Stride, Padding, Dilation, Groups);
        using var padded = Functional.Pad(input, [Padding.Width, Padding.Width, Padding.Height, Padding.Height], PaddingMode);
        return Functional.Conv2d(padded, _weight, _bias, Stride, (0, 0), Dilation, Groups);
    }
}
