using System.CommandLine;
using Gan.Cli.Terminal;
using Gan.Cli.Upscaling;
using Gan.Imaging;
using Gan.Models.SuperResolution;
using Gan.MLNet.Streaming;
using Spectre.Console;

namespace Gan.Cli.Commands;

/// <summary><c>gan upscale</c>: super-resolves a folder or manifest of images as a resumable, shardable batch job.</summary>
internal static class UpscaleCommand
{
    public static Command Create(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var shared = new UpscalerOptions();
        var output = new Option<string>("--output", "-o") { Description = "The folder outputs go to, keeping the inputs' relative paths.", Required = true };
        var format = new Option<string>("--format") { Description = "Output format: png, jpg, or same (as each input).", DefaultValueFactory = _ => "same" };
        format.AcceptOnlyFromAmong("png", "jpg", "same");
        var quality = new Option<int>("--quality") { Description = "JPEG quality, 1–100.", DefaultValueFactory = _ => 95 };
        quality.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 100) r.AddError("--quality must be within 1..100."); });
        var onError = new Option<string>("--on-error") { Description = "fail: stop at the first bad input; skip: report it and go on.", DefaultValueFactory = _ => "fail" };
        onError.AcceptOnlyFromAmong("fail", "skip");
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace outputs that exist." };
        var resume = new Option<bool>("--resume") { Description = "Keep outputs that are complete and do the rest: restart a killed or failed job with the same command plus --resume." };
        var shard = new Option<string?>("--shard") { Description = "Process shard i of n (0-based, e.g. 0/4 … 3/4): n runs with the same inputs split them with no coordination. 'auto' takes it from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) or a Slurm job array (SLURM_ARRAY_TASK_*)." };
        var shardCount = new Option<int?>("--shard-count") { Description = "With --shard auto under Kubernetes: the Job's completions (or set GAN_SHARD_COUNT)." };
        shardCount.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--shard-count must be ≥ 1."); });
        var report = new Option<string?>("--report") { Description = "The error report CSV (file,stage,message); default: gan-errors.csv (gan-errors.<i>-of-<n>.csv for a shard) in the output folder." };
        // For the kill-and-resume tests: slows inference so a run can be killed part-way.
        var delay = new Option<int>("--test-delay-ms") { Hidden = true };

        var command = new Command("upscale", "Upscale every image of a folder or CSV manifest into an output folder: constant memory, atomic outputs, an error report, resumable and shardable.")
        {
            output, format, quality, onError, overwrite, resume, shard, shardCount, report, delay,
        };
        shared.AddTo(command);
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(overwrite) && parsed.GetValue(resume))
                throw new CliUsageException("--overwrite and --resume exclude each other: replace every output, or keep the complete ones.");
            var part = ParseShard(parsed.GetValue(shard), parsed.GetValue(shardCount));
            ImageFormat? outputFormat = parsed.GetValue(format) switch { "png" => ImageFormat.Png, "jpg" => ImageFormat.Jpeg, _ => null };
            string outputFolder = parsed.GetValue(output)!;
            UpscalingProcess.Configure();
            using var network = shared.LoadNetwork(parsed);
            var jobs = shared.Jobs(parsed, outputFolder, outputFormat);
            int delayMs = parsed.GetValue(delay);
            string reportPath = parsed.GetValue(report)
                ?? Path.Combine(outputFolder, part.Count == 1 ? "gan-errors.csv" : $"gan-errors.{part.Index}-of-{part.Count}.csv");
            var options = shared.StreamOptions(parsed) with
            {
                OnError = parsed.GetValue(onError) == "skip" ? ImageErrorPolicy.Skip : ImageErrorPolicy.Fail,
                ExistingOutputs = parsed.GetValue(resume) ? ExistingOutputPolicy.Resume
                    : parsed.GetValue(overwrite) ? ExistingOutputPolicy.Overwrite : ExistingOutputPolicy.Fail,
                Shard = part,
                ErrorReportPath = reportPath,
                Encode = new ImageEncodeOptions { Quality = parsed.GetValue(quality) },
            };

            // Default tiling, as SuperResolve's: the CLI and a pipeline give the same pixels.
            var resolver = new SuperResolver(network);
            var transform = ImageBatchTransform.PerImage(image =>
            {
                if (delayMs > 0) Thread.Sleep(delayMs);
                return resolver.Upscale(image);
            });
            long total = jobs.Count(j => part.Contains(j.Key));
            console.WritePlainLine($"Upscaling {total} inputs ×{network.Scale}{(part.Count > 1 ? $" (shard {part})" : "")} into '{Path.GetFullPath(outputFolder)}'.");
            ImageStreamResult result;
            try
            {
                result = CliProgress.Run(console, "upscale", total, update =>
                    ImageStream.Run(jobs, transform, options, new InlineProgress<ImageStreamProgress>(p =>
                        update(p.Done, $"{p.Written} written, {p.Resumed} kept, {p.Failed} failed")), cancellationToken));
            }
            catch (ImageStreamFailedException e)
            {
                PrintSummary(console, e.Result, reportPath);
                throw;
            }
            PrintSummary(console, result, reportPath);
            return (int)(result.Succeeded ? ExitCode.Success : ExitCode.InputsFailed);
        });
        return command;
    }

    private static ImageShard ParseShard(string? text, int? count)
    {
        if (count is not null && text != "auto") throw new CliUsageException("--shard-count goes with --shard auto.");
        if (text is null) return ImageShard.All;
        try
        {
            return text == "auto" ? SchedulerShard.FromEnvironment(Environment.GetEnvironmentVariable, count) : ImageShard.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"--shard {text}: {e.Message}");
        }
    }

    private static void PrintSummary(IAnsiConsole console, ImageStreamResult result, string reportPath)
    {
        console.WritePlainLine($"{result.Written} written, {result.Resumed} already complete, {result.Failed} failed.");
        if (result.Failed > 0) console.WritePlainLine($"Failed inputs are listed in '{Path.GetFullPath(reportPath)}'.");
    }
}
