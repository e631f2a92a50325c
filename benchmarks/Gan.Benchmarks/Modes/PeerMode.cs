using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gan.Benchmarks.Workloads;
using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Benchmarks.Modes;

/// <summary>
/// `peer`: times the workloads exactly as benchmarks/peer/torch_peer.py does (warm-up, then the median of timed
/// batches) and prints the same table and JSON, so that run-peer-comparison.sh can divide one by the other.
/// </summary>
internal static class PeerMode
{
    public static int Run(string[] args)
    {
        var options = CommandLine.Parse(args, "threads", "workloads", "repeats", "format", "check", "dump-sr");
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(options.Int("threads", 1));
        torch.manual_seed(0);
        var names = options.Text("workloads", string.Join(",", WorkloadCatalog.PeerNames)).Split(',')
            .Where(name => !WorkloadCatalog.PeerOnlyNames.Contains(name)).ToArray();
        if (options.Int("check", 0) is > 0 and int checkSteps)
        {
            CheckLosses(names, checkSteps);
            return 0;
        }
        if (options.Text("dump-sr", "") is { Length: > 0 } folder)
        {
            DumpSuperResolution(names, folder);
            return 0;
        }
        int repeatsOverride = options.Int("repeats", 0);
        string format = options.Text("format", "both");

        var results = new List<Result>();
        foreach (var name in names)
        {
            using var workload = WorkloadCatalog.Create(name);
            results.Add(Measure(workload, repeatsOverride));
        }

        var report = new Report("gan-mlnet-csharp",
            $"Gan.Models over TorchSharp {typeof(torch).Assembly.GetName().Version} and libtorch {torch.__version__}, .NET {Environment.Version}",
            get_num_threads(), results);
        if (format is "table" or "both") PrintTable(report);
        if (format is "json" or "both") Console.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
        return 0;
    }

    /// <summary>For each GAN workload among <paramref name="names"/>, prints its first steps' losses after seeding 0, in
    /// torch_peer.py --check's format: equal lines show that the two sides run the same math (same initialisation
    /// draws, same ops, same optimizer).</summary>
    private static void CheckLosses(IEnumerable<string> names, int steps)
    {
        foreach (var name in names)
        {
            torch.manual_seed(0);
            using var workload = WorkloadCatalog.Create(name);
            if (workload is not GanTrainingStepWorkload gan) continue;
            for (int i = 1; i <= steps; i++)
                gan.Step((d, g) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} step {i}: d_loss {d.item<float>():F6} g_loss {g.item<float>():F6}")));
        }
    }

    /// <summary>For each SR inference workload among <paramref name="names"/>, writes its input and the network's output
    /// to <paramref name="folder"/>/NAME.safetensors: torch_peer.py --compare-sr runs its own network on that input and
    /// checks that the outputs agree within 1e-4, showing that both sides load the same weights and run the same math.</summary>
    private static void DumpSuperResolution(IEnumerable<string> names, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var name in names)
        {
            using var workload = WorkloadCatalog.Create(name);
            if (workload is not SrInferenceWorkload sr) continue;
            using var output = sr.Output();
            SafeTensors.Save(new Dictionary<string, Tensor> { ["input"] = sr.Input, ["output"] = output }, Path.Combine(folder, name + ".safetensors"));
            Console.WriteLine($"{name}: input and output written to {Path.Combine(folder, name + ".safetensors")}");
        }
    }

    private static Result Measure(Workload workload, int repeatsOverride)
    {
        var plan = workload.Plan;
        int repeats = repeatsOverride > 0 ? repeatsOverride : plan.Repeats;
        workload.Run(plan.Warmup);
        var samples = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            workload.Run(plan.Iterations);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            samples[r] = seconds / plan.Iterations * workload.UnitScale;
        }
        var sorted = samples.Order().ToArray();
        double median = repeats % 2 == 1 ? sorted[repeats / 2] : (sorted[repeats / 2 - 1] + sorted[repeats / 2]) / 2;
        return new Result(workload.Name, workload.Unit, median, sorted[0], sorted[^1], plan.Iterations, samples);
    }

    private static void PrintTable(Report report)
    {
        Console.WriteLine($"Gan.MLNet C# ({report.Version}), {report.Threads} thread(s)");
        Console.WriteLine($"{"workload",-30} {"median",12} {"min",12} {"max",12}  unit");
        foreach (var r in report.Results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-30} {r.Median,12:F3} {r.Min,12:F3} {r.Max,12:F3}  {r.Unit}"));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Result(string Name, string Unit, double Median, double Min, double Max, int Iterations, double[] Samples);

    private sealed record Report(string Runtime, string Version, int Threads, List<Result> Results);
}
