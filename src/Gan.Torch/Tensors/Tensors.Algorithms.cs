using Gan.Torch.Native;

namespace Gan.Torch;

// Process-wide choices between algorithms that compute the same result up to float rounding.
public static partial class Tensors
{
    /// <summary>
    /// When 2-D convolutions with at most 8 outputs and kernels at least 5 wide (an SRResNet's 9×9 tail to RGB, a
    /// discriminator's 5×5 head to one logit) run Gan.Torch's column-split algorithm instead of libtorch's: the same
    /// sum regrouped by kernel column into a Kh×1 convolution with Kw times more outputs plus Kw shifted additions.
    /// On AVX2 CPUs libtorch's kernels run that 2–8× faster; on AVX-512 CPUs only while outputs × kernel width is at
    /// most 16, and slower beyond (the 9×9 tail to RGB), so <see cref="ColumnSplitMode.WhereFaster"/>, the default,
    /// leaves those to libtorch there (docs/benchmarks.md). Results agree with libtorch's to float rounding;
    /// <see cref="ColumnSplitMode.Off"/> gives libtorch's (and so PyTorch's) exact bits. Process-wide, like
    /// <see cref="Threads"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="ColumnSplitMode"/>.</exception>
    public static ColumnSplitMode ColumnSplitConvolution
    {
        get => (ColumnSplitMode)NativeMethods.gan_get_conv_column_split();
        set
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "not a ColumnSplitMode");
            Status.Check(NativeMethods.gan_set_conv_column_split((int)value));
        }
    }
}
