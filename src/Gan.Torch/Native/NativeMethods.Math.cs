using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int gan_binary(int op, TensorHandle a, TensorHandle b, NativeScalar alpha, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_binary_scalar(int op, TensorHandle a, NativeScalar b, NativeScalar alpha, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_binary_(int op, TensorHandle a, TensorHandle b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int gan_binary_scalar_(int op, TensorHandle a, NativeScalar b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int gan_unary(int op, TensorHandle a, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_unary_(int op, TensorHandle a);
    [LibraryImport(Lib)] internal static unsafe partial int gan_clamp(TensorHandle a, NativeScalar* min, NativeScalar* max, out IntPtr result);
    [LibraryImport(Lib)] internal static unsafe partial int gan_clamp_(TensorHandle a, NativeScalar* min, NativeScalar* max);
    [LibraryImport(Lib)] internal static partial int gan_where(TensorHandle cond, TensorHandle a, TensorHandle b, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_matmul(TensorHandle a, TensorHandle b, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_addmm(TensorHandle input, TensorHandle m1, TensorHandle m2, NativeScalar beta, NativeScalar alpha, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_lerp_(TensorHandle a, TensorHandle end, NativeScalar weight);
    [LibraryImport(Lib)] internal static partial int gan_allclose(TensorHandle a, TensorHandle b, double rtol, double atol, out int result);
    [LibraryImport(Lib)] internal static partial int gan_equal(TensorHandle a, TensorHandle b, out int result);
    [LibraryImport(Lib)] internal static partial int gan_reduce(int op, TensorHandle a, long[]? dims, int ndims, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_linalg_eigh(TensorHandle a, out IntPtr eigenvalues, out IntPtr eigenvectors);
    [LibraryImport(Lib)] internal static partial int gan_max_dim(TensorHandle a, long dim, int keepdim, out IntPtr values, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial int gan_min_dim(TensorHandle a, long dim, int keepdim, out IntPtr values, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial int gan_argmax(TensorHandle a, int hasDim, long dim, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_argmin(TensorHandle a, int hasDim, long dim, int keepdim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_cumsum(TensorHandle a, long dim, out IntPtr result);
}
