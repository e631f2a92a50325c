using System.Runtime.Intrinsics.X86;

namespace Gan.Models.Torch;

/// <summary>
/// Keeps libtorch's convolutions correct on CPUs that report no cache topology, by capping the instruction set oneDNN
/// generates its kernels for.
/// </summary>
/// <remarks>
/// oneDNN 3.7 (in libtorch 2.10) sizes the blocking of its AVX, AVX2 and AVX-512 convolution kernels from the cache
/// descriptors of CPUID leaf 4 (Intel) or 0x8000001D (AMD). Some virtual machines (Firecracker on AMD EPYC) return
/// none; those kernels then compute wrong results, NaN included, and overrun their buffers, for every convolution
/// whose channel counts are not multiples of 16: forward and backward, plain and transposed. Its SSE4.1 kernels do not
/// depend on the descriptors. The variable is read when libtorch loads, so this must run before.
/// </remarks>
internal static class OneDnnIsa
{
    /// <summary>oneDNN's variable that caps the instruction set of its generated kernels.</summary>
    public const string Variable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>The cap used where the CPU describes no caches.</summary>
    public const string SafeIsa = "SSE41";

    /// <summary>
    /// Sets <see cref="Variable"/> to <see cref="SafeIsa"/> where the CPU reports no cache descriptors, unless the
    /// user set the variable or libtorch is already loaded.
    /// </summary>
    /// <returns>Whether the cap was set.</returns>
    public static bool TryCapWhereCachesAreUndescribed()
    {
        if (!OperatingSystem.IsLinux() || DescribesCaches()) return false;
        if (Environment.GetEnvironmentVariable(Variable) is not null || LibC.GetEnv(Variable) != IntPtr.Zero) return false;
        if (File.ReadLines("/proc/self/maps").Any(line => line.Contains("/libtorch_cpu", StringComparison.Ordinal))) return false;
        return LibC.SetEnv(Variable, SafeIsa, overwrite: 0) == 0;
    }

    /// <summary>Whether CPUID describes at least one cache (true off x86, where the question does not arise).</summary>
    public static bool DescribesCaches()
    {
        if (!X86Base.IsSupported) return true;
        // The low five bits of EAX give the cache type of sub-leaf 0; 0 means no cache is described.
        const int intelCaches = 4, amdCaches = unchecked((int)0x8000001D);
        bool intel = (X86Base.CpuId(intelCaches, 0).Eax & 0x1F) != 0;
        bool amd = (uint)X86Base.CpuId(unchecked((int)0x80000000), 0).Eax >= 0x8000001D && (X86Base.CpuId(amdCaches, 0).Eax & 0x1F) != 0;
        return intel || amd;
    }
}
