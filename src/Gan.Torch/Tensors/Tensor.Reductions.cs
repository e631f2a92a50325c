using Gan.Torch.Native;

namespace Gan.Torch;

// Reductions over all elements or chosen dimensions.
public partial class Tensor
{
    private Tensor Reduce(ReduceOp op, long[]? dims, bool keepDim) =>
        Wrap(NativeMethods.gan_reduce((int)op, Handle, dims, dims?.Length ?? 0, Flag(keepDim), out var r), r);

    /// <summary>Sum of all elements.</summary>
    public Tensor Sum() => Reduce(ReduceOp.Sum, null, false);
    /// <summary>Sum over one dimension.</summary>
    public Tensor Sum(long dim, bool keepDim = false) => Reduce(ReduceOp.Sum, [dim], keepDim);
    /// <summary>Sum over several dimensions.</summary>
    public Tensor Sum(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Sum, dims, keepDim);
    /// <summary>Mean of all elements.</summary>
    public Tensor Mean() => Reduce(ReduceOp.Mean, null, false);
    /// <summary>Mean over one dimension.</summary>
    public Tensor Mean(long dim, bool keepDim = false) => Reduce(ReduceOp.Mean, [dim], keepDim);
    /// <summary>Mean over several dimensions.</summary>
    public Tensor Mean(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Mean, dims, keepDim);
    /// <summary>Product of all elements.</summary>
    public Tensor Prod() => Reduce(ReduceOp.Prod, null, false);
    /// <summary>Product over one dimension.</summary>
    public Tensor Prod(long dim, bool keepDim = false) => Reduce(ReduceOp.Prod, [dim], keepDim);
    /// <summary>Unbiased standard deviation of all elements.</summary>
    public Tensor Std() => Reduce(ReduceOp.Std, null, false);
    /// <summary>Unbiased standard deviation over dimensions.</summary>
    public Tensor Std(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Std, dims, keepDim);
    /// <summary>Unbiased variance of all elements.</summary>
    public Tensor Var() => Reduce(ReduceOp.Var, null, false);
    /// <summary>Unbiased variance over dimensions.</summary>
    public Tensor Var(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Var, dims, keepDim);
    /// <summary>Euclidean (L2) norm of all elements.</summary>
    public Tensor Norm() => Reduce(ReduceOp.Norm, null, false);
    /// <summary>Euclidean (L2) norm over dimensions.</summary>
    public Tensor Norm(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Norm, dims, keepDim);
    /// <summary>log Σ eˣ over all elements, computed stably.</summary>
    public Tensor LogSumExp() => Reduce(ReduceOp.LogSumExp, null, false);
    /// <summary>log Σ eˣ over one dimension.</summary>
    public Tensor LogSumExp(long dim, bool keepDim = false) => Reduce(ReduceOp.LogSumExp, [dim], keepDim);
    /// <summary>True when every element is non-zero.</summary>
    public Tensor All() => Reduce(ReduceOp.All, null, false);
    /// <summary>True when any element is non-zero.</summary>
    public Tensor Any() => Reduce(ReduceOp.Any, null, false);
    /// <summary>Largest element (a 0-dimensional tensor).</summary>
    public Tensor Max() => Reduce(ReduceOp.Amax, null, false);
    /// <summary>Smallest element (a 0-dimensional tensor).</summary>
    public Tensor Min() => Reduce(ReduceOp.Amin, null, false);
    /// <summary>Largest values over dimensions (gradient shared evenly among ties).</summary>
    public Tensor Amax(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Amax, dims, keepDim);
    /// <summary>Smallest values over dimensions.</summary>
    public Tensor Amin(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Amin, dims, keepDim);

    /// <summary>Largest values along <paramref name="dim"/> and their int64 indices.</summary>
    public (Tensor Values, Tensor Indices) Max(long dim, bool keepDim = false)
    {
        Status.Check(NativeMethods.gan_max_dim(Handle, dim, Flag(keepDim), out var v, out var i));
        return (new Tensor(v), new Tensor(i));
    }

    /// <summary>Smallest values along <paramref name="dim"/> and their int64 indices.</summary>
    public (Tensor Values, Tensor Indices) Min(long dim, bool keepDim = false)
    {
        Status.Check(NativeMethods.gan_min_dim(Handle, dim, Flag(keepDim), out var v, out var i));
        return (new Tensor(v), new Tensor(i));
    }

    /// <summary>Index of the largest element of the flattened tensor.</summary>
    public Tensor Argmax() => Wrap(NativeMethods.gan_argmax(Handle, 0, 0, 0, out var r), r);
    /// <summary>Indices of the largest elements along <paramref name="dim"/>.</summary>
    public Tensor Argmax(long dim, bool keepDim = false) => Wrap(NativeMethods.gan_argmax(Handle, 1, dim, Flag(keepDim), out var r), r);
    /// <summary>Index of the smallest element of the flattened tensor.</summary>
    public Tensor Argmin() => Wrap(NativeMethods.gan_argmin(Handle, 0, 0, 0, out var r), r);
    /// <summary>Indices of the smallest elements along <paramref name="dim"/>.</summary>
    public Tensor Argmin(long dim, bool keepDim = false) => Wrap(NativeMethods.gan_argmin(Handle, 1, dim, Flag(keepDim), out var r), r);
    /// <summary>Running sum along <paramref name="dim"/>.</summary>
    public Tensor CumSum(long dim) => Wrap(NativeMethods.gan_cumsum(Handle, dim, out var r), r);
}
