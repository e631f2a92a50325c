namespace Gan.Torch;

/// <summary>When convolutions with few outputs and wide kernels run Gan.Torch's column-split algorithm (<see cref="Tensors.ColumnSplitConvolution"/>).</summary>
public enum ColumnSplitMode
{
    /// <summary>Never: libtorch's convolution everywhere, with its (and so PyTorch's) exact bits.</summary>
    Off = 0,

    /// <summary>For the shapes where it is faster on this kind of CPU (the default).</summary>
    WhereFaster = 1,

    /// <summary>For every shape it handles, whatever the CPU (to test or measure the algorithm itself).</summary>
    Always = 2,
}
