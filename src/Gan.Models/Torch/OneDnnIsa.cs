using System.Runtime.Intrinsics.X86;

namespace Gan.Models.Torch;

/// <summary>
/// Keeps libtorch's convolutions correct on AMD CPUs whose CPUID describes no caches, by capping the instruction set
/// oneDNN generates its kernels for.
/// </summary>
/// <remarks>
/// oneDNN 3.7 (in libtorch 2.10) sizes the blocking of its AVX, AVX2 and AVX-512 convolution kernels from the data
/// cache sizes its CPU detection (Xbyak) reports. On AMD CPUs that detection reads CPUID leaf 0x8000001D for three
/// cache levels without checking that the leaf describes a cache; where a hypervisor returns zeros (Firecracker on
/// AMD EPYC) every level comes out as 1 byte. Those kernels then compute wrong results, NaN included, and overrun
/// their buffers, for convolutions whose channel counts are not multiples of 16: forward and backward, plain and
/// transposed. Its SSE4.1 kernels do not use the cache sizes. On Intel an empty leaf 4 makes oneDNN fall back to
/// sane guesses, so nothing is capped there. The variable is read when libtorch loads, so this must run before.
/// </remarks>
internal static class OneDnnIsa
{
    /// <summary>oneDNN's variable that caps the instruction set of its generated kernels.</summary>
    public const string Variable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>The cap used where the CPU describes no caches.</summary>
    public const string SafeIsa = "SSE41";

    /// <summary>
    /// Sets <see cref="Variable"/> to <see cref="SafeIsa"/> on an AMD CPU whose CPUID describes no caches, unless the
    /// user set the variable or libtorch is already loaded.
    /// </summary>
    /// <returns>Whether the cap was set.</returns>
    public static bool TryCapWhereCachesAreUndescribed()
    {
        if (!OperatingSystem.IsLinux() || !MisreportsCaches()) return false;
        if (NativeEnvironment.IsSet(Variable) || NativeEnvironment.IsLoaded("/libtorch_cpu")) return false;
        return NativeEnvironment.TrySet(Variable, SafeIsa);
    }

    /// <summary>
    /// Whether oneDNN in this process is capped at SSE4.1, by <see cref="TryCapWhereCachesAreUndescribed"/> or by the
    /// user. Its channels-last convolution kernels are then several times slower than its plain-layout ones, the
    /// opposite of the uncapped case, so layout choices depend on it.
    /// </summary>
    /// <remarks>oneDNN reads the variable once, when it first runs; this reads it once per process too.</remarks>
    public static bool IsCappedAtSse41 => CappedAtSse41.Value;

    // Our cap is written to the C environment only, which .NET's Environment does not see; NativeEnvironment reads both.
    private static readonly Lazy<bool> CappedAtSse41 = new(() =>
        string.Equals(NativeEnvironment.Get(Variable), SafeIsa, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether oneDNN's CPU detection would see 1-byte caches: an AMD CPU whose leaf 0x8000001D describes none.</summary>
    public static bool MisreportsCaches()
    {
        if (!X86Base.IsSupported) return false;
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        // "AuthenticAMD" in EBX, EDX, ECX.
        bool amd = ebx == 0x68747541 && edx == 0x69746e65 && ecx == 0x444d4163;
        // The low five bits of EAX give the cache type of sub-leaf 0; 0 means no cache is described.
        const int amdCaches = unchecked((int)0x8000001D);
        return amd && (X86Base.CpuId(amdCaches, 0).Eax & 0x1F) == 0;
    }
}
