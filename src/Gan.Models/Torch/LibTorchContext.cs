using System.Runtime.InteropServices;

namespace Gan.Models.Torch;

/// <summary>
/// The process-wide switches of libtorch's <c>at::Context</c> that PyTorch's <c>torch.backends</c> sets and TorchSharp
/// does not expose, called by their C++ names (exported by libtorch_cpu).
/// </summary>
/// <remarks>
/// Every member returns null or false where this libtorch lacks the entry point, so a future libtorch that renames one
/// only loses the tuning, never the work. libtorch must be loaded (<see cref="TorchRuntime.EnsureLoaded"/>).
/// </remarks>
internal static partial class LibTorchContext
{
    private const string Library = "libtorch_cpu";

    /// <summary>Sets the flag behind <c>torch.backends.nnpack.set_flags</c>; false where the entry point is missing.</summary>
    public static bool TrySetNnPackEnabled(bool enabled) => Try(() => SetUserEnabledNnPack(GlobalContext(), enabled));

    /// <summary>The flag behind <c>torch.backends.nnpack.enabled</c>; null where the entry point is missing.</summary>
    public static bool? NnPackEnabled() => TryGet(() => UserEnabledNnPack(GlobalContext()));

    /// <summary>Sets the flag behind <c>torch.backends.mkldnn.enabled</c> (oneDNN); false where the entry point is missing.</summary>
    public static bool TrySetMkldnnEnabled(bool enabled) => Try(() => SetUserEnabledMkldnn(GlobalContext(), enabled));

    /// <summary>The flag behind <c>torch.backends.mkldnn.enabled</c>; null where the entry point is missing.</summary>
    public static bool? MkldnnEnabled() => TryGet(() => UserEnabledMkldnn(GlobalContext()));

    private static bool Try(Action call) => TryGet(() =>
    {
        call();
        return true;
    }) ?? false;

    private static bool? TryGet(Func<bool> call)
    {
        try
        {
            return call();
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

    // void at::Context::setUserEnabledMkldnn(bool)
    [LibraryImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static partial void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    // bool at::Context::userEnabledMkldnn() const
    [LibraryImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool UserEnabledMkldnn(IntPtr context);
}
