using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

/// <summary>P/Invoke declarations of gan_native.h, one partial file per native source file.</summary>
internal static partial class NativeMethods
{
    private const string Lib = NativeLibraryResolver.LibraryName;

    static NativeMethods() => NativeLibraryResolver.Register();

    [LibraryImport(Lib)] internal static partial IntPtr gan_last_error();
    [LibraryImport(Lib)] internal static partial long gan_live_tensors();
    [LibraryImport(Lib)] internal static partial int gan_abi_version();
    [LibraryImport(Lib)] internal static partial IntPtr gan_torch_version();
    [LibraryImport(Lib)] internal static partial int gan_get_num_threads();
    [LibraryImport(Lib)] internal static partial int gan_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int gan_cuda_is_available();
    [LibraryImport(Lib)] internal static partial int gan_cuda_device_count();
    [LibraryImport(Lib)] internal static partial int gan_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial int gan_retain_freed_memory(long mmapThreshold, long trimThreshold);
    [LibraryImport(Lib)] internal static partial int gan_release_freed_memory();
    [LibraryImport(Lib)] internal static partial int gan_get_onednn_primitive_cache_capacity(out int capacity);
    [LibraryImport(Lib)] internal static partial int gan_set_onednn_primitive_cache_capacity(int capacity);
    [LibraryImport(Lib)] internal static partial int gan_get_convolution_plan_cache_capacity(out int capacity);
    [LibraryImport(Lib)] internal static partial int gan_set_convolution_plan_cache_capacity(int capacity);
    [LibraryImport(Lib)] internal static partial int gan_huge_page_tensors_enabled();
    [LibraryImport(Lib)] internal static partial int gan_enable_huge_page_tensors();
}
