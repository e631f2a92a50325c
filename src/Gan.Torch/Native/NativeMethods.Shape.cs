using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int gan_view(TensorHandle a, long[] shape, int ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_reshape(TensorHandle a, long[] shape, int ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_expand(TensorHandle a, long[] shape, int ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_permute(TensorHandle a, long[] dims, int ndim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_flatten(TensorHandle a, long startDim, long endDim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_transpose(TensorHandle a, long dim0, long dim1, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_unsqueeze(TensorHandle a, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_squeeze(TensorHandle a, int hasDim, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_cat(IntPtr[] tensors, int n, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_stack(IntPtr[] tensors, int n, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_narrow(TensorHandle a, long dim, long start, long length, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_slice(TensorHandle a, long dim, long start, long end, long step, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_select(TensorHandle a, long dim, long index, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_index_select(TensorHandle a, long dim, TensorHandle index, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_gather(TensorHandle a, long dim, TensorHandle index, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_masked_fill(TensorHandle a, TensorHandle mask, NativeScalar value, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_one_hot(TensorHandle a, long numClasses, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_flip(TensorHandle a, long[] dims, int ndims, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_rot90(TensorHandle a, long k, long dim0, long dim1, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_repeat(TensorHandle a, long[] repeats, int n, out IntPtr result);
}
