using System.CommandLine;
using System.Diagnostics;
using Gan.Cli.Terminal;
using Gan.Cli.Upscaling;
using Gan.Imaging;
using Gan.Models.SuperResolution;
using Gan.MLNet.Streaming;
using Spectre.Console;

namespace Gan.Cli.Commands;

/// <summary>
/// <c>gan bench</c>: measures the end-to-end path a user runs. <c>bench upscale</c> times the upscale stream
/// (decode → network → encode → atomic write) over a folder into a scratch folder it deletes afterwards, and prints
/// one markdown table row: images/s, output megapixels/s and the process's peak RSS.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var command = new Command("bench", "Measure throughput of the end-to-end paths (one markdown table row per run).");
        command.Subcommands.Add(Upscale(console, cancellationToken));
        return command;
    }

    private static Command Upscale(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var shared = new UpscalerOptions();
        var format = new Option<string>("--format") { Description = "Output format: png or jpg.", DefaultValueFactory = _ => "png" };
        format.AcceptOnlyFromAmong("png", "jpg");
        var command = new Command("upscale", "Time 'gan upscale' over a folder or manifest; outputs go to a scratch folder that is deleted.") { format };
        shared.AddTo(command);
        command.SetAction(parsed =>
        {
            UpscalingProcess.Configure();
            using var network = shared.LoadNetwork(parsed);
            string scratch = Path.Combine(Path.GetTempPath(), $"gan-bench-{Guid.NewGuid():N}");
            try
            {
                var jobs = shared.Jobs(parsed, scratch, parsed.GetValue(format) == "jpg" ? ImageFormat.Jpeg : ImageFormat.Png);
                // Default tiling, as SuperResolve's: the CLI and a pipeline give the same pixels.
                var resolver = new SuperResolver(network);
                long outputPixels = 0;
                var transform = ImageBatchTransform.PerImage(image =>
                {
                    var upscaled = resolver.Upscale(image);
                    Interlocked.Add(ref outputPixels, (long)upscaled.Width * upscaled.Height);
                    return upscaled;
                });
                var options = shared.StreamOptions(parsed) with { OnError = ImageErrorPolicy.Skip };
                var clock = Stopwatch.StartNew();
                var result = ImageStream.Run(jobs, transform, options, cancellationToken: cancellationToken);
                double seconds = clock.Elapsed.TotalSeconds;
                long peakRss = Process.GetCurrentProcess().PeakWorkingSet64;
                console.WritePlainLine("| inputs | written | failed | seconds | images/s | output MP/s | peak RSS MiB | scale | threads | batch |");
                console.WritePlainLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                console.WritePlainLine($"| {result.Total} | {result.Written} | {result.Failed} | {seconds:F2} | {result.Written / seconds:F2} | "
                    + $"{Interlocked.Read(ref outputPixels) / 1e6 / seconds:F3} | {peakRss / (1024.0 * 1024):F0} | ×{network.Scale} | {options.Workers} | {options.BatchSize} |");
                return (int)(result.Succeeded ? ExitCode.Success : ExitCode.InputsFailed);
            }
            finally
            {
                if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
            }
        });
        return command;
    }
}
