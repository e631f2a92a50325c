using System.Globalization;

namespace Gan.Models.Torch;

/// <summary>
/// Process-wide settings that libtorch and the libraries under it read from the C environment once: call these
/// first thing in a program that owns its process (a CLI, a batch job), before any tensor operation.
/// </summary>
/// <remarks>
/// Each <c>TrySet…</c> leaves the environment alone and returns false where the user already set the variable (their
/// choice wins) or where libtorch has already read it; off Linux they do nothing. They write the C environment with
/// <c>setenv</c>, which is not safe while other threads read it: call them before starting threads. What each one
/// gains, and where, is measured in docs/benchmarks.md.
/// </remarks>
public static class NativeSettings
{
    /// <summary>GNU OpenMP's variable for how long a waiting thread spins before it sleeps.</summary>
    public const string OpenMpSpinCountVariable = "GOMP_SPINCOUNT";

    /// <summary>The variable with which ideep, libtorch's glue to oneDNN, sizes each thread's cache of convolution plans.</summary>
    public const string ConvolutionPlanCacheVariable = "LRU_CACHE_CAPACITY";

    /// <summary>oneDNN's variable for how many compiled kernels ("primitives") it keeps.</summary>
    public const string OneDnnPrimitiveCacheVariable = "ONEDNN_PRIMITIVE_CACHE_CAPACITY";

    /// <summary>libtorch's switch that gives large CPU tensors transparent huge pages (2 MiB aligned, <c>madvise</c>).</summary>
    public const string HugePageTensorsVariable = "THP_MEM_ALLOC_ENABLE";

    /// <summary>
    /// Sets how many times libtorch's OpenMP threads spin while waiting for each other before they sleep (300,000 by
    /// default). Spinning wins when every thread has a core of its own; when other threads want the same cores (an
    /// image job's decoders and encoders, another process) a waiting thread spins while the one it waits for is
    /// descheduled.
    /// </summary>
    /// <returns>False where <c>GOMP_SPINCOUNT</c> or <c>OMP_WAIT_POLICY</c> is already set, or OpenMP is loaded.</returns>
    public static bool TrySetOpenMpSpinCount(long spins)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spins);
        if (NativeEnvironment.IsSet("OMP_WAIT_POLICY")) return false;
        return TrySetBeforeLoad(OpenMpSpinCountVariable, spins, "/libgomp");
    }

    /// <summary>
    /// Bounds how many convolution plans each thread keeps (1,024 by default; each holds a oneDNN kernel). A job over
    /// images of many sizes grows until each thread holds that many; one whose shapes rarely repeat loses nothing with
    /// a small capacity.
    /// </summary>
    /// <remarks>ideep reads the variable when a thread runs its first convolution: a new value reaches only threads that have not convolved yet.</remarks>
    /// <returns>False where the variable is already set.</returns>
    public static bool TrySetConvolutionPlanCacheCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return !NativeEnvironment.IsSet(ConvolutionPlanCacheVariable) && SetEnv(ConvolutionPlanCacheVariable, capacity);
    }

    /// <summary>Bounds how many compiled convolution kernels oneDNN keeps (1,024 by default); read when oneDNN first runs.</summary>
    /// <returns>False where the variable is already set or libtorch is loaded.</returns>
    public static bool TrySetOneDnnPrimitiveCacheCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        return TrySetBeforeLoad(OneDnnPrimitiveCacheVariable, capacity, "/libtorch_cpu");
    }

    /// <summary>
    /// Gives every large CPU tensor a mapping of its own, aligned to 2 MiB and advised as transparent huge pages: a
    /// fresh activation costs one page fault per 2 MiB instead of one per 4 KiB, and large buffers stay out of
    /// malloc's heaps, which they would otherwise fragment.
    /// </summary>
    /// <returns>False where the variable is already set or libtorch is loaded.</returns>
    public static bool TryEnableHugePageTensors() => TrySetBeforeLoad(HugePageTensorsVariable, 1, "/libc10");

    /// <summary>
    /// Gives the C allocator's free memory back to the kernel now: the free pages of every malloc arena, not only the
    /// top of the heap (glibc's <c>malloc_trim</c>). Harmless to other code; does nothing off glibc.
    /// </summary>
    public static void ReleaseFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            LibC.MallocTrim(0);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): nothing to give back this way.
        }
    }

    private static bool TrySetBeforeLoad(string name, long value, string libraryPath) =>
        OperatingSystem.IsLinux() && !NativeEnvironment.IsSet(name) && !NativeEnvironment.IsLoaded(libraryPath) && SetEnv(name, value);

    private static bool SetEnv(string name, long value) => NativeEnvironment.TrySet(name, value.ToString(CultureInfo.InvariantCulture));
}
