using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial void gan_tensor_free(IntPtr t);
    [LibraryImport(Lib)] internal static unsafe partial int gan_tensor_from_data(void* data, long nbytes, long[] shape, int ndim, int dtype, out IntPtr result);
    [LibraryImport(Lib)] internal static unsafe partial int gan_tensor_copy_to(TensorHandle t, void* dst, long nbytes);
    [LibraryImport(Lib)] internal static partial int gan_tensor_info(TensorHandle t, out int dtype, out int ndim, out int deviceType, out int deviceIndex, out int requiresGrad);
    [LibraryImport(Lib)] internal static partial int gan_tensor_shape(TensorHandle t, [Out] long[] dims, int capacity);
    [LibraryImport(Lib)] internal static partial int gan_tensor_numel(TensorHandle t, out long numel);
    [LibraryImport(Lib)] internal static partial int gan_tensor_item(TensorHandle t, out NativeScalar value);
    [LibraryImport(Lib)] internal static partial int gan_tensor_is_contiguous(TensorHandle t, out int result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_is_leaf(TensorHandle t, out int result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_same_storage(TensorHandle a, TensorHandle b, out int result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_alias(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_to(TensorHandle t, int dtype, int deviceType, int deviceIndex, int copy, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_clone(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_contiguous(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_contiguous_as(TensorHandle t, int format, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_is_contiguous_as(TensorHandle t, int format, out int result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_detach(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_set_requires_grad(TensorHandle t, int requiresGrad);
    [LibraryImport(Lib)] internal static partial int gan_tensor_copy_(TensorHandle dst, TensorHandle src);
    [LibraryImport(Lib)] internal static partial int gan_tensor_set_data(TensorHandle dst, TensorHandle src);
    [LibraryImport(Lib)] internal static partial int gan_tensor_fill_(TensorHandle t, NativeScalar value);
    [LibraryImport(Lib)] internal static partial int gan_tensor_zero_(TensorHandle t);
    [LibraryImport(Lib)] internal static unsafe partial int gan_tensor_to_string(TensorHandle t, byte* buffer, long capacity, out long length);

    [LibraryImport(Lib)] internal static partial int gan_full(long[] shape, int ndim, NativeScalar value, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_empty(long[] shape, int ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_arange(NativeScalar start, NativeScalar end, NativeScalar step, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_scalar_tensor(NativeScalar value, int dtype, int deviceType, int deviceIndex, out IntPtr result);
}
