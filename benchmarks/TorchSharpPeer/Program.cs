using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

// The PyTorch-Python peer (benchmarks/peer/torch_peer.py) as plain TorchSharp loops: the same workloads, seeds,
// timing method, options and output, so that run-peer-comparison.sh can put it beside the other two sides.
//   dotnet benchmarks/TorchSharpPeer/bin/Release/net10.0/TorchSharpPeer.dll [--threads N] [--workloads a,b]
//       [--repeats R] [--format table|json|both] [--check STEPS] [--dump-sr DIR] [--adam torchsharp|native|fused] [--onednn on|off]
// --adam and --onednn are not the peer's: they swap the GAN workloads' optimizer (AdamVariants) or the convolution
// kernels (OneDnnSwitch) to measure what a library could do.
namespace TorchSharpPeer;

internal static class Program
{
    private static readonly string[] Names =
        ["add", "add_no_grad", "conv2d_fwd_bwd", "gan_mlp_step", "dcgan32_step", "srresnet_x2_infer", "srresnet_x4_infer"];

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static int Main(string[] args)
    {
        var options = ParseOptions(args);
        // First of all: set_num_threads reaches only threads that have not run a parallel op yet (torchsharp-0107.md §3.5).
        set_num_threads(int.Parse(options.GetValueOrDefault("threads", "1"), CultureInfo.InvariantCulture));
        var names = options.GetValueOrDefault("workloads", string.Join(",", Names)).Split(',');
        AdamVariants.Selected = options.GetValueOrDefault("adam", "torchsharp");
        if (!AdamVariants.Names.Contains(AdamVariants.Selected))
            throw new ArgumentException($"--adam must be one of {string.Join(", ", AdamVariants.Names)}");
        string oneDnn = options.GetValueOrDefault("onednn", "on");
        OneDnnSwitch.Apply(oneDnn);
        if (names.FirstOrDefault(n => !Names.Contains(n)) is { } unknown)
            throw new ArgumentException($"unknown workload {unknown}; known: {string.Join(", ", Names)}");

        if (options.TryGetValue("check", out var steps))
        {
            CheckLosses(names, int.Parse(steps, CultureInfo.InvariantCulture));
            return 0;
        }
        if (options.TryGetValue("dump-sr", out var folder))
        {
            DumpSuperResolution(names, folder);
            return 0;
        }
        manual_seed(0);
        int repeatsOverride = int.Parse(options.GetValueOrDefault("repeats", "0"), CultureInfo.InvariantCulture);
        var results = new List<Result>();
        foreach (var name in names)
        {
            using var workload = Create(name);
            results.Add(Measure(workload, repeatsOverride));
        }
        string torchSharp = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        string adam = (AdamVariants.Selected == "torchsharp" ? "" : $", Adam {AdamVariants.Selected}") + (oneDnn == "on" ? "" : ", oneDNN off");
        var report = new Report("torchsharp-csharp", $"TorchSharp {torchSharp} over libtorch {__version__}, .NET {Environment.Version}{adam}",
            get_num_threads(), results);
        string format = options.GetValueOrDefault("format", "both");
        if (format is "table" or "both") PrintTable(report);
        if (format is "json" or "both") Console.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
        return 0;
    }

    /// <summary>torch_peer.py's options, each <c>--name value</c>.</summary>
    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        string[] known = ["threads", "workloads", "repeats", "format", "check", "dump-sr", "adam", "onednn"];
        var options = new Dictionary<string, string>();
        for (int i = 0; i < args.Length; i += 2)
        {
            string name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : "";
            if (!known.Contains(name)) throw new ArgumentException($"unknown option {args[i]}; known: {string.Join(", ", known.Select(k => "--" + k))}");
            if (i + 1 >= args.Length) throw new ArgumentException($"option {args[i]} needs a value");
            options[name] = args[i + 1];
        }
        return options;
    }

    private static Workload Create(string name) => name switch
    {
        "add" => new Add(),
        "add_no_grad" => new AddNoGrad(),
        "conv2d_fwd_bwd" => new Conv(),
        "gan_mlp_step" => new GanMlpStep(),
        "dcgan32_step" => new DcganStep(),
        "srresnet_x2_infer" => new SrInference(2),
        "srresnet_x4_infer" => new SrInference(4),
        _ => throw new ArgumentException($"unknown workload {name}"),
    };

    /// <summary>Warm-up, then <c>repeats</c> timed batches; a batch's time ÷ its iterations is one sample; the median is reported.</summary>
    private static Result Measure(Workload workload, int repeatsOverride)
    {
        int repeats = repeatsOverride > 0 ? repeatsOverride : workload.Repeats;
        workload.RunBatch(workload.Warmup);
        var samples = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            workload.RunBatch(workload.Iterations);
            samples[r] = Stopwatch.GetElapsedTime(start).TotalSeconds / workload.Iterations * workload.UnitScale;
        }
        var sorted = samples.Order().ToArray();
        double median = repeats % 2 == 1 ? sorted[repeats / 2] : (sorted[repeats / 2 - 1] + sorted[repeats / 2]) / 2;
        return new Result(workload.Name, workload.Unit, median, sorted[0], sorted[^1], workload.Iterations, samples);
    }

    /// <summary>Each GAN workload's first losses after seeding 0, in torch_peer.py --check's format.</summary>
    private static void CheckLosses(IEnumerable<string> names, int steps)
    {
        foreach (var name in names)
        {
            manual_seed(0);
            using var workload = Create(name);
            if (workload is not GanStep gan) continue;
            for (int i = 1; i <= steps; i++)
                gan.Step((d, g) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} step {i}: d_loss {d.item<float>():F6} g_loss {g.item<float>():F6}")));
        }
    }

    /// <summary>Each SR workload's input and output to DIR/NAME.safetensors, for torch_peer.py --compare-sr DIR.</summary>
    private static void DumpSuperResolution(IEnumerable<string> names, string folder)
    {
        Directory.CreateDirectory(folder);
        manual_seed(0);
        foreach (var name in names)
        {
            using var workload = Create(name);
            if (workload is not SrInference sr) continue;
            using var output = sr.Output();
            string path = Path.Combine(folder, name + ".safetensors");
            SafeTensors.Save([("input", sr.Input), ("output", output)], path);
            Console.WriteLine($"{name}: input and output written to {path}");
        }
    }

    private static void PrintTable(Report report)
    {
        Console.WriteLine($"plain TorchSharp ({report.Version}), {report.Threads} thread(s)");
        Console.WriteLine($"{"workload",-18} {"median",12} {"min",12} {"max",12}  unit");
        foreach (var r in report.Results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-18} {r.Median,12:F3} {r.Min,12:F3} {r.Max,12:F3}  {r.Unit}"));
    }

    private sealed record Result(string Name, string Unit, double Median, double Min, double Max, int Iterations, double[] Samples);

    private sealed record Report(string Runtime, string Version, int Threads, List<Result> Results);
}
