using System.Diagnostics;
using System.Globalization;
using Gan.MLNet.Transforms;
using Gan.Models.Datasets;
using Gan.Models.Gans;
using Gan.Models.Torch;
using Gan.Models.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;
using TorchSharp;
using static TorchSharp.torch;

// Usage: AugmentationStudy [--datasets mnist10k,fashion-mnist] [--per-class 20,50,100] [--seeds 1,2,3]
//                          [--steps 2000] [--width 16] [--synthetic 5] [--confidence 0.9] [--threads 2] [--out artifacts/augmentation.csv]
//        AugmentationStudy --summarize artifacts/augmentation.csv   (the table of docs/quality.md from a results file)
// For each dataset, labelled images per class and seed: a few labelled training images are drawn; the same stock ML.NET
// pipeline (MapValueToKey → [GanGenerate] → ExtractPixels → trainer) is fitted with and without GanGenerate for each
// trainer, and every model is evaluated on the dataset's full test set. The GAN sees only the drawn images. A third
// variant keeps only the synthetic rows the real-rows model assigns to their conditioned class with confidence.
var options = StudyOptions.Parse(args);
if (options.Summarize is { } csv)
{
    Summarize(csv);
    return 0;
}
TorchRuntime.EnsureLoaded();
torch.set_num_threads(options.Threads);
AllocatorSettings.TryRetainFreedMemory();
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!);
using var results = new StreamWriter(options.OutputPath, append: File.Exists(options.OutputPath));
if (results.BaseStream.Position == 0) results.WriteLine("dataset,per_class,seed,trainer,variant,synthetic_rows,accuracy,gan_seconds");

var ml = new MLContext(seed: 1);
var trainers = new (string Name, Func<IEstimator<ITransformer>> Create)[]
{
    ("SdcaMaximumEntropy", () => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()),
    ("LbfgsMaximumEntropy", () => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy()),
};
foreach (string dataset in options.Datasets)
{
    using var split = DemoData.Load(dataset);
    IDataView test = ml.Data.LoadFromEnumerable(Fresh(DemoData.Rows(split.Test)));
    foreach (int perClass in options.PerClass)
        foreach (int seed in options.Seeds)
        {
            using var few = FewPerClass(split.Train, perClass, seed);
            IDataView train = ml.Data.LoadFromEnumerable(Fresh(DemoData.Rows(few)));
            var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(train);
            var keyedTrain = keyed.Transform(train);
            int batch = Math.Min(64, (int)few.Count);
            var gan = new GanGeneratingEstimator.Options
            {
                Kind = GanKind.ConditionalDcgan,
                Model = new GanOptions { GeneratorWidth = options.Width, DiscriminatorWidth = options.Width },
                Training = new GanTrainerOptions { Epochs = (int)Math.Ceiling(options.Steps / Math.Floor(few.Count / (double)batch)), BatchSize = batch, Seed = (ulong)seed, LogEveryBatches = 0 },
                SyntheticRowsPerClass = options.SyntheticPerClass * perClass,
                GenerationSeed = (ulong)(100 + seed),
            };
            var clock = Stopwatch.StartNew();
            using var generator = ml.Transforms.GanGenerate("Image", "Label", gan).Fit(keyedTrain);
            double ganSeconds = clock.Elapsed.TotalSeconds;
            foreach (var (name, create) in trainers)
            {
                // The same pipeline after MapValueToKey, fitted on the real rows and on the view GanGenerate gives the
                // estimators after it (real rows, then synthetic ones).
                var classifier = ml.Transforms.ExtractPixels("Features", "Image", colorsToExtract: ImagePixelExtractingEstimator.ColorBits.Red, scaleImage: 1f / 255)
                    .AppendCacheCheckpoint(ml)
                    .Append(create());
                var augmented = generator.TransformForTrainingPipeline(keyedTrain);
                var baseline = classifier.Fit(keyedTrain);
                // The lever tried when plain augmentation does not pay: keep only the synthetic rows the baseline
                // classifier (trained on the real rows) assigns to their conditioned class with confidence.
                var confident = ml.Data.FilterByCustomPredicate<ScoredRow>(baseline.Transform(augmented),
                    row => row.IsSynthetic && (row.PredictedLabel != row.Label || row.Score.Max() < options.Confidence));
                foreach (var (variant, data) in (ReadOnlySpan<(string, IDataView)>)[("real", keyedTrain), ("real+gan", augmented), ("real+gan-confident", confident)])
                {
                    var model = variant == "real" ? baseline : classifier.Fit(data);
                    double accuracy = ml.MulticlassClassification.Evaluate(model.Transform(keyed.Transform(test))).MicroAccuracy;
                    long synthetic = variant == "real" ? 0 : data.GetColumn<bool>("IsSynthetic").Count(f => f);
                    results.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{dataset},{perClass},{seed},{name},{variant},{synthetic},{accuracy:F4},{ganSeconds:F0}"));
                    results.Flush();
                    Console.WriteLine($"{dataset} {perClass}/class seed {seed} {name,-20} {variant,-18} {synthetic,5} synthetic rows, accuracy {accuracy:P1} (GAN {ganSeconds:F0} s)");
                }
            }
        }
}
Summarize(options.OutputPath);
return 0;

// Mean ± sample sd of the accuracy over seeds, per dataset, images per class, trainer and variant, as a markdown table;
// the gain columns compare each variant with the real rows alone, seed by seed.
static void Summarize(string csvPath)
{
    var rows = File.ReadLines(csvPath).Skip(1).Select(line => line.Split(','))
        .Select(f => (Dataset: f[0], PerClass: int.Parse(f[1], CultureInfo.InvariantCulture), Seed: int.Parse(f[2], CultureInfo.InvariantCulture),
            Trainer: f[3], Variant: f[4], Synthetic: long.Parse(f[5], CultureInfo.InvariantCulture), Accuracy: 100 * double.Parse(f[6], CultureInfo.InvariantCulture)))
        .ToList();
    Console.WriteLine("| dataset | labelled / class | trainer | real only | + GanGenerate | gain | + GanGenerate, confident only (rows kept) | gain | seeds |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    foreach (var group in rows.GroupBy(r => (r.Dataset, r.PerClass, r.Trainer)).OrderBy(g => g.Key.Dataset).ThenBy(g => g.Key.PerClass).ThenBy(g => g.Key.Trainer))
    {
        double[] Of(string variant) => [.. group.Where(r => r.Variant == variant).OrderBy(r => r.Seed).Select(r => r.Accuracy)];
        double[] real = Of("real"), gan = Of("real+gan"), confident = Of("real+gan-confident");
        double kept = group.Where(r => r.Variant == "real+gan-confident").Select(r => (double)r.Synthetic).DefaultIfEmpty().Average();
        string Gain(double[] variant) => variant.Length == real.Length ? Format([.. variant.Zip(real, (v, r) => v - r)], signed: true) : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {group.Key.Dataset} | {group.Key.PerClass} | {group.Key.Trainer} | {Format(real)} | {Format(gan)} | {Gain(gan)} | {Format(confident)} ({kept:F0}) | {Gain(confident)} | {real.Length} |"));
    }

    static string Format(double[] values, bool signed = false)
    {
        if (values.Length == 0) return "";
        double mean = values.Average();
        double sd = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{(signed && mean >= 0 ? "+" : "")}{mean:F1} ± {sd:F1}");
    }
}

// The rows with a new copy of each image every time they are enumerated: ML.NET's ExtractPixels disposes the images it
// reads, and trainers read their data more than once.
static IEnumerable<DigitRow> Fresh(List<DigitRow> rows)
{
    foreach (var row in rows)
        yield return new DigitRow { Image = MLImage.CreateFromPixels(row.Image!.Width, row.Image.Height, row.Image.PixelFormat, row.Image.Pixels), Label = row.Label };
}

// perClass images of each class, drawn with the seed.
static LabelledImageSet FewPerClass(LabelledImageSet set, int perClass, int seed)
{
    var labels = set.Labels.CopyToArray<long>();
    var random = new Random(seed);
    var picked = Enumerable.Range(0, set.ClassNames.Count)
        .SelectMany(c => Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).OrderBy(_ => random.Next()).Take(perClass))
        .OrderBy(i => i).Select(i => (long)i).ToArray();
    using var index = tensor(picked);
    return new LabelledImageSet(set.Images.index_select(0, index), set.Labels.index_select(0, index), set.ClassNames, set.Range);
}

/// <summary>What the confidence filter reads of a scored row.</summary>
internal sealed class ScoredRow
{
    public bool IsSynthetic { get; set; }
    [KeyType(10)] public uint Label { get; set; }
    [KeyType(10)] public uint PredictedLabel { get; set; }
    public float[] Score { get; set; } = [];
}

/// <summary>The study's command-line options.</summary>
internal sealed record StudyOptions(string[] Datasets, int[] PerClass, int[] Seeds, int Steps, int Width, int SyntheticPerClass, float Confidence, int Threads, string OutputPath, string? Summarize)
{
    public static StudyOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (int i = 0; i + 1 < args.Length; i += 2) map[args[i].TrimStart('-')] = args[i + 1];
        int[] Ints(string key, string fallback) => [.. map.GetValueOrDefault(key, fallback).Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
        return new StudyOptions(
            map.GetValueOrDefault("datasets", "mnist10k,fashion-mnist").Split(','),
            Ints("per-class", "20,50,100"),
            Ints("seeds", "1,2,3"),
            Ints("steps", "2000")[0],
            Ints("width", "16")[0],
            Ints("synthetic", "5")[0],
            float.Parse(map.GetValueOrDefault("confidence", "0.9"), CultureInfo.InvariantCulture),
            Ints("threads", "2")[0],
            map.GetValueOrDefault("out", Path.Combine("artifacts", "augmentation.csv")),
            map.GetValueOrDefault("summarize"));
    }
}
