using System.Diagnostics;
using System.Globalization;
using Gan.Benchmarks.Workloads;
using Gan.Models.Torch;
using TorchSharp;

namespace Gan.Benchmarks.Modes;

/// <summary>
/// `leak`: runs the GAN train step many times (each step in its own dispose scope, as a user's loop would) and
/// prints the live tensors and the process's resident memory at the start, at intervals and at the end —
/// evidence that a long training loop holds a flat amount of memory. "managed MiB" is the managed heap including
/// garbage not yet collected (no collection is forced), so it grows until the next gen-0 collection.
/// </summary>
internal static class LeakMode
{
    public static int Run(string[] args)
    {
        var options = CommandLine.Parse(args, "threads", "steps", "seconds", "every");
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(options.Int("threads", 1));
        torch.manual_seed(0);
        int steps = options.Int("steps", 10_000);
        int seconds = options.Int("seconds", 0);
        int every = options.Int("every", 1_000);

        Console.WriteLine($"leak run: up to {steps} GAN train steps{(seconds > 0 ? $" or {seconds} s" : "")}, " +
                          $"{torch.get_num_threads()} thread(s); RSS = VmRSS of /proc/self/status");
        Console.WriteLine($"{"step",8} {"seconds",9} {"live tensors",13} {"RSS MiB",9} {"managed MiB",12} {"GCs (gen0/1/2)",15}");
        using var workload = new GanStepWorkload();
        var clock = Stopwatch.StartNew();
        Report(0, clock);
        int step = 0;
        while (step < steps && (seconds == 0 || clock.Elapsed.TotalSeconds < seconds))
        {
            workload.Run(1);
            step++;
            if (step % every == 0) Report(step, clock);
        }
        if (step % every != 0) Report(step, clock);
        return 0;
    }

    private static void Report(int step, Stopwatch clock) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step,8} {clock.Elapsed.TotalSeconds,9:F1} {LiveTensors.Count,13} {ResidentMiB(),9:F1} {GC.GetTotalMemory(false) / 1048576.0,12:F1} " +
            $"{$"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}",15}"));

    /// <summary>Resident set size from /proc/self/status (Linux); the runtime's working set elsewhere.</summary>
    private static double ResidentMiB()
    {
        const string path = "/proc/self/status";
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return Environment.WorkingSet / 1048576.0;
    }
}
