using Gan.Torch.Native;

namespace Gan.Torch;

// Process-wide choices between algorithms that compute the same result up to float rounding.
public static partial class Tensors
{
    /// <summary>
    /// Whether 2-D convolutions with at most 8 outputs and kernels at least 5 wide (an SRResNet's 9×9 tail to RGB, a
    /// discriminator's 5×5 head to one logit) run Gan.Torch's column-split algorithm instead of libtorch's: the same
    /// sum regrouped by kernel column into a Kh×1 convolution with Kw times more outputs plus Kw shifted additions,
    /// which libtorch's CPU kernels run several times faster (docs/benchmarks.md). On by default. Results agree with
    /// libtorch's to float rounding; turn it off to get libtorch's (and so PyTorch's) exact bits. Process-wide, like
    /// <see cref="Threads"/>.
    /// </summary>
    public static bool ColumnSplitConvolution
    {
        get => NativeMethods.gan_get_conv_column_split() != 0;
        set => NativeMethods.gan_set_conv_column_split(value ? 1 : 0);
    }
}
