using Gan.Cli.Terminal;
using Gan.Imaging;
using Gan.MLNet.Transforms;
using Microsoft.ML;
using Gan.Models.Gans;
using Gan.Models.Training;
using Spectre.Console;

namespace Gan.Cli.Training;

/// <summary>
/// Trains a GAN kind through the GanGenerate pipeline step (optionally continuing a checkpoint) and saves the fitted
/// pipeline (LoadImages → ResizeImages → MapValueToKey → GanGenerate) as a model zip with its network.
/// </summary>
internal static class GanTraining
{
    /// <summary>A training row: an image file and its class (the name of its subfolder; empty at the top level).</summary>
    public sealed class FileRow
    {
        /// <summary>The image file.</summary>
        public string Path { get; set; } = "";

        /// <summary>The class name.</summary>
        public string Label { get; set; } = "";
    }

    public static void Run(IAnsiConsole console, IReadOnlyList<string> folders, string target, GanKind kind, int imageSize,
        GanTrainerOptions training, string? resumeCheckpoint, CancellationToken cancellationToken)
    {
        bool conditional = new GanOptions { Kind = kind }.IsConditional;
        var rows = folders.SelectMany(folder => LabelledFiles(folder, conditional)).ToList();
        if (rows.Count < 2)
            throw new InvalidDataException($"{(rows.Count == 0 ? "No image files" : "Only one image file")} under '{string.Join("', '", folders)}'"
                + $"{(conditional ? " in class subfolders" : "")}; training needs at least two.");
        RequireDecodable(rows);
        int classCount = rows.Select(r => r.Label).Distinct().Count();
        // What GanGenerate checks once it has read the images (their channel count does not change the outcome).
        CliUsageException.Check(new GanOptions { Kind = kind, SampleShape = [3, imageSize, imageSize], ClassCount = conditional ? classCount : 0 }.Validate);
        var context = new MLContext(seed: (int)(training.Seed % int.MaxValue));
        var data = context.Data.LoadFromEnumerable(rows);
        console.WritePlainLine($"Training {kind} on {rows.Count} images{(conditional ? $" of {classCount} classes" : "")}, {training.Epochs} {(resumeCheckpoint is null ? "epochs" : $"more epochs from '{resumeCheckpoint}'")}.");
        var model = CliProgress.Run(console, "train", 1.0, update =>
        {
            var options = new GanGeneratingEstimator.Options
            {
                OutputColumnName = "Image",
                LabelColumnName = conditional ? "Label" : null,
                Kind = kind,
                Training = training,
                ResumeCheckpoint = resumeCheckpoint,
                Progress = new InlineProgress<GanTrainingProgress>(p => update(
                    ((p.Epoch - 1) * (double)p.BatchesPerEpoch + p.Batch) / ((double)p.TotalEpochs * p.BatchesPerEpoch),
                    $"epoch {p.Epoch}/{p.TotalEpochs} D {p.DiscriminatorLoss:F3} G {p.GeneratorLoss:F3} D(x) {p.RealScore:F2} D(G(z)) {p.FakeScore:F2}")),
                CancellationToken = cancellationToken,
            };
            var load = context.Transforms.LoadImages("Image", imageFolder: null, inputColumnName: nameof(FileRow.Path))
                .Append(context.Transforms.ResizeImages("Image", imageSize, imageSize));
            var pipeline = conditional
                ? load.Append(context.Transforms.Conversion.MapValueToKey("Label")).Append(context.Transforms.GanGenerate(options))
                : load.Append(context.Transforms.GanGenerate(options));
            try
            {
                return pipeline.Fit(data);
            }
            // Resuming with other data or settings than the checkpoint's: the estimator compares the kind and shapes,
            // the trainer the set and batch sizes of an interrupted epoch.
            catch (ArgumentException e) when (resumeCheckpoint is not null && e.ParamName is nameof(GanGeneratingEstimator.Options.ResumeCheckpoint) or "samples")
            {
                throw new CliUsageException($"--resume: {e.Message}", e);
            }
        });
        context.Model.SaveWithNetworks(model, data.Schema, target);
        console.WritePlainLine($"Saved the model to '{Path.GetFullPath(target)}'{(training.SampleDirectory is { } s ? $"; sample grids in '{Path.GetFullPath(s)}'" : "")}.");
    }

    // ML.NET's LoadImages fails on an undecodable file with an ArgumentException that names no file (and would stop a
    // long Fit midway): every file is decoded once first, with the same Skia decoder, so the error names it.
    private static void RequireDecodable(IEnumerable<FileRow> rows)
    {
        foreach (var row in rows)
        {
            try
            {
                Image.Load(row.Path);
            }
            catch (Exception e) when (e is ImageFormatException or ImageTooLargeException)
            {
                throw new InvalidDataException($"'{row.Path}' is not an image training can read: {e.Message}", e);
            }
        }
    }

    // Conditional kinds learn from files inside class subfolders; unconditional ones from every file.
    private static IEnumerable<FileRow> LabelledFiles(string folder, bool conditional) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true })
            .Select(file => (file, relative: Path.GetRelativePath(folder, file)))
            .Where(f => !conditional || f.relative.Contains(Path.DirectorySeparatorChar))
            .OrderBy(f => f.relative, StringComparer.Ordinal)
            .Select(f => new FileRow
            {
                Path = f.file,
                Label = f.relative.Contains(Path.DirectorySeparatorChar) ? f.relative[..f.relative.IndexOf(Path.DirectorySeparatorChar)] : "",
            });
}
