using System.Runtime.InteropServices;

namespace TorchSharpPeer;

/// <summary>
/// <c>--onednn off</c>: libtorch's own convolution kernels instead of oneDNN's, through the flags behind PyTorch's
/// <c>torch.backends.mkldnn.enabled</c> and <c>torch.backends.nnpack</c>, which TorchSharp does not expose (docs/benchmarks.md,
/// "Training convolutions under the cap"). NNPACK goes off with oneDNN: it would otherwise take the convolutions
/// oneDNN leaves, or warn at each of them where it cannot start.
/// </summary>
internal static partial class OneDnnSwitch
{
    private const string Library = "libtorch_cpu";

    /// <summary>The values <c>--onednn</c> accepts.</summary>
    public static readonly string[] Names = ["on", "off"];

    /// <summary>Applies <paramref name="value"/>; libtorch must be loaded.</summary>
    public static void Apply(string value)
    {
        if (!Names.Contains(value)) throw new ArgumentException($"--onednn must be on or off, not '{value}'");
        if (value == "on") return;
        SetUserEnabledMkldnn(GlobalContext(), false);
        SetUserEnabledNnPack(GlobalContext(), false);
    }

    [LibraryImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    private static partial IntPtr GlobalContext();

    [LibraryImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static partial void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [LibraryImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static partial void SetUserEnabledNnPack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
