using System.Diagnostics;
using Gan.Models.Torch;
using Microsoft.ML;
using TorchSharp;

namespace Gan.Benchmarks.Modes;

/// <summary>
/// <c>pipeline-upscale</c>: the ML.NET path of upscaling — LoadImages → SuperResolve → SaveImages over a folder — timed
/// like <c>gan upscale</c>'s loop (model loading and start-up excluded), to compare the two on the same photos
/// (docs/benchmarks.md).
/// </summary>
internal static class PipelineUpscaleMode
{
    public sealed class FileRow
    {
        public string Path { get; set; } = "";
    }

    public static int Run(string[] args)
    {
        var line = CommandLine.Parse(args, "input", "out", "scale", "threads");
        string input = Path.GetFullPath(line.Text("input", "artifacts/upscale-photos/photos-200"));
        string output = Path.GetFullPath(line.Text("out", "artifacts/pipeline-upscale"));
        int scale = line.Int("scale", 2), threads = line.Int("threads", 2);
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(threads);
        AllocatorSettings.TryRetainFreedMemory();

        var ml = new MLContext(seed: 1);
        var files = ml.Data.LoadFromEnumerable(Directory.GetFiles(input).Order(StringComparer.Ordinal)
            .Select(p => new FileRow { Path = Path.GetFileName(p) }).ToList());
        using var model = ml.Transforms.LoadImages("Image", input, nameof(FileRow.Path))
            .Append(ml.Transforms.SuperResolve("Upscaled", "Image", scale))
            .Fit(files);
        var clock = Stopwatch.StartNew();
        long written = ml.Data.SaveImages(model.Transform(files), "Upscaled", output, nameof(FileRow.Path), overwrite: true);
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"pipeline-upscale ×{scale}, {threads} thread(s): {written} images in {seconds:F1} s = {written / seconds:F2} images/s; working set {Environment.WorkingSet / 1048576} MiB at the end (peak: run under /usr/bin/time -v)");
        return 0;
    }
}
