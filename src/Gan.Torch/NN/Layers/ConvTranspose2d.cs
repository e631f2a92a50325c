namespace Gan.Torch.NN;

/// <summary>
/// 2-D transposed convolution layer, the learned upsampler of DCGAN generators (PyTorch's <c>nn.ConvTranspose2d</c>;
/// state keys <c>weight</c>, <c>bias</c>). Output size: (H − 1) × stride − 2 × padding + dilation × (k − 1) + outputPadding + 1.
/// </summary>
public sealed class ConvTranspose2d : Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter? _bias;

    /// <summary>A transposed convolution with a square kernel and the same settings in both directions.</summary>
    /// <param name="inChannels">Channels of the input.</param>
    /// <param name="outChannels">Channels of the output.</param>
    /// <param name="kernelSize">Side of the kernel.</param>
    /// <param name="stride">Upsampling step.</param>
    /// <param name="padding">Pixels removed from each side of the output (the input is padded with dilation × (k − 1) − padding zeros).</param>
    /// <param name="outputPadding">Extra rows/columns on one side of the output, to pick among the sizes a stride allows.</param>
    /// <param name="groups">Blocked connections between input and output channels.</param>
    /// <param name="bias">Whether to learn an additive bias.</param>
    /// <param name="dilation">Spacing between kernel taps.</param>
    public ConvTranspose2d(long inChannels, long outChannels, int kernelSize, int stride = 1, int padding = 0,
        int outputPadding = 0, int groups = 1, bool bias = true, int dilation = 1)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding),
            (outputPadding, outputPadding), groups, bias, (dilation, dilation))
    {
    }

    /// <summary>A transposed convolution with per-direction (height, width) settings.</summary>
    /// <inheritdoc cref="ConvTranspose2d(long, long, int, int, int, int, int, bool, int)"/>
    public ConvTranspose2d(long inChannels, long outChannels, (int Height, int Width) kernelSize,
        (int Height, int Width)? stride = null, (int Height, int Width)? padding = null,
        (int Height, int Width)? outputPadding = null, int groups = 1, bool bias = true, (int Height, int Width)? dilation = null)
    {
        DefaultInitialization.RequirePositive(inChannels, nameof(inChannels));
        DefaultInitialization.RequirePositive(outChannels, nameof(outChannels));
        DefaultInitialization.RequirePositive(Math.Min(kernelSize.Height, kernelSize.Width), nameof(kernelSize));
        DefaultInitialization.RequirePositive(groups, nameof(groups));
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException(
                $"groups ({groups}) must divide both inChannels ({inChannels}) and outChannels ({outChannels})", nameof(groups));
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride ?? (1, 1);
        Padding = padding ?? (0, 0);
        OutputPadding = outputPadding ?? (0, 0);
        Dilation = dilation ?? (1, 1);
        Groups = groups;
        _weight = Parameter.Empty(inChannels, outChannels / groups, kernelSize.Height, kernelSize.Width);
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
    /// <summary>Padding (height, width).</summary>
    public (int Height, int Width) Padding { get; }
    /// <summary>Output padding (height, width).</summary>
    public (int Height, int Width) OutputPadding { get; }
    /// <summary>Dilation (height, width).</summary>
    public (int Height, int Width) Dilation { get; }
    /// <summary>Number of channel groups.</summary>
    public int Groups { get; }

    /// <summary>The kernel, shape (in_channels, out_channels / groups, kH, kW).</summary>
    public Parameter Weight => _weight;

    /// <summary>The bias, shape (out_channels), or null.</summary>
    public Parameter? Bias => _bias;

    /// <summary>
    /// Re-initialises like PyTorch: Kaiming uniform with a = √5 and a bias of U(±1/√fan_in), where fan_in is taken
    /// from the weight's size(1) × kH × kW, i.e. from the output channels per group, as PyTorch does.
    /// </summary>
    public void ResetParameters(Generator? generator = null) =>
        DefaultInitialization.KaimingUniformWithBias(_weight, _bias, generator);

    /// <summary>(N, C_in, H, W) → (N, C_out, H', W'); unbatched (C_in, H, W) inputs work too.</summary>
    public override Tensor Forward(Tensor input) =>
        Functional.ConvTranspose2d(input, _weight, _bias, Stride, Padding, OutputPadding, Groups, Dilation);
}
