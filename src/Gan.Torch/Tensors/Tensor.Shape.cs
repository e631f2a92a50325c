using Gan.Torch.Native;

namespace Gan.Torch;

// Views, reshaping and indexing. Views share storage with this tensor.
public partial class Tensor
{
    /// <summary>A view with another shape (one dimension may be −1); the tensor must be viewable without a copy.</summary>
    public Tensor View(params long[] shape) => Wrap(NativeMethods.gan_view(Handle, shape, shape.Length, out var r), r);
    /// <summary>Another shape (one dimension may be −1): a view when possible, otherwise a copy.</summary>
    public Tensor Reshape(params long[] shape) => Wrap(NativeMethods.gan_reshape(Handle, shape, shape.Length, out var r), r);
    /// <summary>A broadcast view with dimensions of size 1 repeated (−1 keeps a dimension).</summary>
    public Tensor Expand(params long[] shape) => Wrap(NativeMethods.gan_expand(Handle, shape, shape.Length, out var r), r);
    /// <summary>A view with the dimensions reordered.</summary>
    public Tensor Permute(params long[] dims) => Wrap(NativeMethods.gan_permute(Handle, dims, dims.Length, out var r), r);
    /// <summary>Merges dimensions startDim..endDim into one.</summary>
    public Tensor Flatten(long startDim = 0, long endDim = -1) =>
        Wrap(NativeMethods.gan_flatten(Handle, startDim, endDim, out var r), r);
    /// <summary>A view with two dimensions swapped.</summary>
    public Tensor Transpose(long dim0, long dim1) => Wrap(NativeMethods.gan_transpose(Handle, dim0, dim1, out var r), r);
    /// <summary>The transpose of a matrix.</summary>
    public Tensor T => Transpose(0, 1);
    /// <summary>A view with a dimension of size 1 inserted at <paramref name="dim"/>.</summary>
    public Tensor Unsqueeze(long dim) => Wrap(NativeMethods.gan_unsqueeze(Handle, dim, out var r), r);
    /// <summary>A view without any dimension of size 1.</summary>
    public Tensor Squeeze() => Wrap(NativeMethods.gan_squeeze(Handle, 0, 0, out var r), r);
    /// <summary>A view without dimension <paramref name="dim"/> if its size is 1.</summary>
    public Tensor Squeeze(long dim) => Wrap(NativeMethods.gan_squeeze(Handle, 1, dim, out var r), r);
    /// <summary>A view of <paramref name="length"/> entries of <paramref name="dim"/> starting at <paramref name="start"/>.</summary>
    public Tensor Narrow(long dim, long start, long length) =>
        Wrap(NativeMethods.gan_narrow(Handle, dim, start, length, out var r), r);
    /// <summary>A view of entries start, start+step, … before end along <paramref name="dim"/> (Python's a[start:end:step]).</summary>
    public Tensor Slice(long dim, long start, long end, long step = 1) =>
        Wrap(NativeMethods.gan_slice(Handle, dim, start, end, step, out var r), r);
    /// <summary>A view of one entry of <paramref name="dim"/>, which disappears from the shape.</summary>
    public Tensor Select(long dim, long index) => Wrap(NativeMethods.gan_select(Handle, dim, index, out var r), r);
    /// <summary>Entry <paramref name="index"/> of the first dimension (negative counts from the end).</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[long index] => Select(0, index);
    /// <summary>A copy of the entries of <paramref name="dim"/> listed in the int64 <paramref name="index"/>.</summary>
    public Tensor IndexSelect(long dim, Tensor index) =>
        Wrap(NativeMethods.gan_index_select(Handle, dim, index.Handle, out var r), r);
    /// <summary>Values picked along <paramref name="dim"/> by an int64 index of the same rank.</summary>
    public Tensor Gather(long dim, Tensor index) => Wrap(NativeMethods.gan_gather(Handle, dim, index.Handle, out var r), r);
    /// <summary>A copy with <paramref name="value"/> where the Bool <paramref name="mask"/> is true.</summary>
    public Tensor MaskedFill(Tensor mask, Scalar value) =>
        Wrap(NativeMethods.gan_masked_fill(Handle, mask.Handle, value.Native, out var r), r);
    /// <summary>A copy reversed along the given dimensions.</summary>
    public Tensor Flip(params long[] dims) => Wrap(NativeMethods.gan_flip(Handle, dims, dims.Length, out var r), r);
    /// <summary>A copy rotated by k × 90° in the plane of two dimensions.</summary>
    public Tensor Rot90(long k = 1, long dim0 = 0, long dim1 = 1) =>
        Wrap(NativeMethods.gan_rot90(Handle, k, dim0, dim1, out var r), r);
    /// <summary>A copy tiled <paramref name="repeats"/> times along each dimension.</summary>
    public Tensor Repeat(params long[] repeats) => Wrap(NativeMethods.gan_repeat(Handle, repeats, repeats.Length, out var r), r);
    /// <summary>One-hot encoding of an int64 tensor of class indices (−1 infers the class count).</summary>
    public Tensor OneHot(long numClasses = -1) => Wrap(NativeMethods.gan_one_hot(Handle, numClasses, out var r), r);
}
