using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int gan_backward(TensorHandle t, TensorHandle grad, int retainGraph, int createGraph);
    [LibraryImport(Lib)] internal static partial int gan_tensor_grad(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_tensor_set_grad(TensorHandle t, TensorHandle grad);
    [LibraryImport(Lib)] internal static partial int gan_autograd_grad(IntPtr[] outputs, int nOutputs, IntPtr[]? gradOutputs, IntPtr[] inputs, int nInputs, int retainGraph, int createGraph, int allowUnused, [Out] IntPtr[] result);
    [LibraryImport(Lib)] internal static partial int gan_is_grad_enabled();
    [LibraryImport(Lib)] internal static partial void gan_set_grad_enabled(int enabled);
    [LibraryImport(Lib)] internal static partial int gan_is_inference_mode_enabled();
    [LibraryImport(Lib)] internal static partial int gan_inference_mode_enter(int enabled, out IntPtr guard);
    [LibraryImport(Lib)] internal static partial void gan_inference_mode_exit(IntPtr guard);
}
