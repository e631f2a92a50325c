using System.Globalization;
using System.Runtime.InteropServices;
using Gan.Torch.Native;

namespace Gan.Torch;

/// <summary>
/// Settings that the native libraries under Gan.Torch read once, when they load: call these first thing in a program
/// that owns its process, before any tensor or image operation. Kept apart from <see cref="Tensors"/>, whose first use
/// loads libtorch.
/// </summary>
public static class NativeStartup
{
    /// <summary>GNU OpenMP's environment variable for how long a waiting thread spins before it sleeps.</summary>
    public const string OpenMpSpinCountVariable = "GOMP_SPINCOUNT";

    private const string OpenMpWaitPolicyVariable = "OMP_WAIT_POLICY";

    /// <summary>
    /// Sets how many times libtorch's OpenMP threads spin while waiting for each other at the end of a parallel region
    /// before they sleep (GNU OpenMP's <c>GOMP_SPINCOUNT</c>; 300,000 by default). Spinning wins when every thread has
    /// a core of its own; when other threads want the same cores (a job's own decoders and encoders, another process)
    /// a waiting thread spins while the one it waits for is descheduled. Measured with 2 threads on 2 cores
    /// (docs/benchmarks.md): <c>gan upscale</c>, whose workers share the cores with the network, 1.1× faster at 1,000;
    /// a DCGAN step next to another busy process 3× faster. Process-wide, so for programs that own their process, like
    /// the <c>gan</c> CLI.
    /// </summary>
    /// <param name="spins">Spins before sleeping; 0 sleeps at once.</param>
    /// <returns>
    /// Whether the setting will take effect. False, with the environment unchanged, where it already sets
    /// <c>GOMP_SPINCOUNT</c> or <c>OMP_WAIT_POLICY</c> (the user's choice wins), where OpenMP is already loaded (by
    /// libtorch, at the first tensor operation, after which it reads nothing more), and off Linux.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spins"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The C library refused to set the variable.</exception>
    public static bool TrySetOpenMpSpinCount(long spins)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spins);
        if (!OperatingSystem.IsLinux() || OpenMpLoaded()) return false;
        if (Environment.GetEnvironmentVariable(OpenMpSpinCountVariable) is not null || Environment.GetEnvironmentVariable(OpenMpWaitPolicyVariable) is not null)
            return false;
        if (LibC.SetEnv(OpenMpSpinCountVariable, spins.ToString(CultureInfo.InvariantCulture), overwrite: 0) != 0)
            throw new InvalidOperationException($"setenv({OpenMpSpinCountVariable}) failed: error {Marshal.GetLastPInvokeError()}");
        return true;
    }

    private static bool OpenMpLoaded() =>
        File.ReadLines("/proc/self/maps").Any(line => line.Contains("/libgomp", StringComparison.Ordinal));
}
