namespace Gan.Models.Torch;

/// <summary>
/// How the C allocator treats the buffers libtorch frees: a setting for programs that own their process (training
/// jobs, examples), not for libraries inside someone else's.
/// </summary>
public static class AllocatorSettings
{
    private const int TrimThresholdOption = -1; // M_TRIM_THRESHOLD
    private const int MmapThresholdOption = -3; // M_MMAP_THRESHOLD

    /// <summary>
    /// Makes glibc keep freed memory for reuse instead of returning it to the kernel: libtorch frees and allocates its
    /// large buffers again every training step, and by default glibc unmaps or trims them, so every step pays page
    /// faults for fresh pages (docs/benchmarks.md). The price is that the process keeps its peak heap.
    /// </summary>
    /// <param name="mmapThresholdBytes">Blocks smaller than this come from the heap rather than from mappings of their own.</param>
    /// <param name="trimThresholdBytes">Free memory at the top of the heap that is kept rather than given back.</param>
    /// <returns>False where the C library is not glibc (nothing changes).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is not between 1 byte and 2 GiB.</exception>
    public static bool TryRetainFreedMemory(long mmapThresholdBytes = 256L << 20, long trimThresholdBytes = 512L << 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mmapThresholdBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mmapThresholdBytes, int.MaxValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(trimThresholdBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trimThresholdBytes, int.MaxValue);
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            // Both: setting either one alone turns off glibc's adaptive thresholds, which can make things slower.
            return LibC.MallOpt(MmapThresholdOption, (int)mmapThresholdBytes) == 1 && LibC.MallOpt(TrimThresholdOption, (int)trimThresholdBytes) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no mallopt).
            return false;
        }
    }

    /// <summary>
    /// Gives every block of at least <paramref name="thresholdBytes"/> a mapping of its own, returned to the kernel as
    /// soon as it is freed: a long job whose large buffers keep changing size (images of many sizes) then cannot
    /// fragment malloc's heaps, so its memory stays flat with its length.
    /// </summary>
    /// <remarks>
    /// By default glibc raises its mapping threshold to the size of each mapped block freed (up to 32 MiB), after
    /// which blocks below it come from the heaps, where buffers of ever-different sizes leave holes that only grow
    /// (docs/benchmarks.md). Setting the threshold fixes it. Each such block then costs fresh page faults, so a low
    /// threshold trades speed for memory; the default keeps the largest buffers apart and reuses the rest. For
    /// programs that own their process; the opposite trade of <see cref="TryRetainFreedMemory"/>.
    /// </remarks>
    /// <returns>False where the C library is not glibc (nothing changes).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not between 1 byte and 2 GiB.</exception>
    public static bool TryMapLargeBlocksSeparately(long thresholdBytes = 16L << 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholdBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(thresholdBytes, int.MaxValue);
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return LibC.MallOpt(MmapThresholdOption, (int)thresholdBytes) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }
}
