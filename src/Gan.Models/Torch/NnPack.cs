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
/// </remarks>
internal static class NnPack
{
    /// <summary>Disables NNPACK for the process where the CPU describes no caches; libtorch must be loaded.</summary>
    /// <returns>Whether NNPACK was disabled (false elsewhere, or where this libtorch lacks the entry points).</returns>
    public static bool TryDisableWhereCachesAreUndescribed()
    {
        if (!OperatingSystem.IsLinux() || !OneDnnIsa.MisreportsCaches()) return false;
        return LibTorchContext.TrySetNnPackEnabled(false);
    }
}
