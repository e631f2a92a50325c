using System.Runtime.InteropServices;

namespace Gan.Models.Torch;

/// <summary>
/// Turns libtorch's NNPACK convolutions off where NNPACK cannot start, so that libtorch does not warn about it at
/// every eligible convolution.
/// </summary>
/// <remarks>
/// NNPACK sizes its kernels from the CPU's cache descriptors, and refuses to start where CPUID describes no caches
/// (the machines <see cref="OneDnnIsa"/> caps oneDNN on). libtorch 2.10 then retries, and prints "Could not initialize
/// NNPACK! Reason: Unsupported hardware." to stderr, for every convolution it would have given NNPACK: hundreds of
/// lines for one evaluation of an upscaler. Disabling it changes no result and no speed there, since it never ran.
/// TorchSharp has no switch for it; the one PyTorch's <c>torch.backends.nnpack.set_flags</c> uses is
/// <c>at::Context::setUserEnabledNNPACK</c>, exported by libtorch_cpu under its C++ name.
/// </remarks>
internal static partial class NnPack
{
    private const string Library = "libtorch_cpu";

    /// <summary>Disables NNPACK for the process where the CPU describes no caches; libtorch must be loaded.</summary>
    /// <returns>Whether NNPACK was disabled (false elsewhere, or where this libtorch lacks the entry points).</returns>
    public static bool TryDisableWhereCachesAreUndescribed()
    {
        if (!OperatingSystem.IsLinux() || !OneDnnIsa.MisreportsCaches()) return false;
        return TrySetEnabled(false);
    }

    /// <summary>Sets libtorch's NNPACK flag; false where this libtorch lacks the entry points.</summary>
    internal static bool TrySetEnabled(bool enabled)
    {
        try
        {
            SetUserEnabledNnPack(GlobalContext(), enabled);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>libtorch's NNPACK flag; null where this libtorch lacks the entry point.</summary>
    internal static bool? IsEnabled()
    {
        try
        {
            return UserEnabledNnPack(GlobalContext());
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    // at::globalContext()
    [LibraryImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    private static partial IntPtr GlobalContext();

    // void at::Context::setUserEnabledNNPACK(bool)
    [LibraryImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static partial void SetUserEnabledNnPack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    // bool at::Context::userEnabledNNPACK() const
    [LibraryImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledNNPACKEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool UserEnabledNnPack(IntPtr context);
}
