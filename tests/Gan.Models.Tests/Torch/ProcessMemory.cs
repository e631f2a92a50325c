using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gan.Models.Tests.Torch;

/// <summary>Readings of this process's memory (Linux), for tests of the native settings.</summary>
internal static class ProcessMemory
{
    public const long MiB = 1L << 20;
    private const string Status = "/proc/self/status";
    private const string Rollup = "/proc/self/smaps_rollup";

    /// <summary>Fails the test as inconclusive where the resident size cannot be read.</summary>
    public static void RequireResidentSize()
    {
        if (!File.Exists(Status)) Assert.Inconclusive($"no {Status} to read the resident size from");
    }

    /// <summary>The resident size in bytes, with the managed heap settled first (its garbage varies with what ran before).</summary>
    public static long Resident()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Kibibytes(Status, "VmRSS:") * 1024;
    }

    /// <summary>Anonymous memory on transparent huge pages, in bytes.</summary>
    public static long AnonHugePages() => Kibibytes(Rollup, "AnonHugePages:") * 1024;

    /// <summary>
    /// The bytes glibc's malloc has handed out and not had back, in every arena (mallinfo2's uordblks + hblkhd):
    /// what native caches keep, whatever free memory the arena that served them happened to have.
    /// </summary>
    /// <exception cref="EntryPointNotFoundException">The C library is not glibc.</exception>
    public static long HeapInUse()
    {
        var info = MallInfo2();
        return (long)(info[7] + info[4]);
    }

    private static long Kibibytes(string file, string label)
    {
        string line = File.ReadLines(file).First(l => l.StartsWith(label, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallocInfo MallInfo2();

    // struct mallinfo2: ten size_t counters.
    [InlineArray(10)]
    private struct MallocInfo
    {
        private nuint _word;
    }
}
