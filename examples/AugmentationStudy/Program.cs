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
//                          [--trainers sdca,lbfgs] (also lightgbm; fastforest, fasttree: one versus all) [--steps 2000] [--width 16]
//                          [--synthetic 5] (synthetic rows per real row of a class; a list such as 1,5,20 sweeps the ratio)
//                          [--confidence 0.9] [--threads 2] [--out artifacts/augmentation.csv]
//                          [--rows-cache artifacts/augmentation-rows] (each GAN's rows, reused by later runs)
//        AugmentationStudy --summarize artifacts/a.csv[,artifacts/b.csv…]   (a table of docs/quality.md from results files)
// For each dataset, labelled images per class and seed: a few labelled training images are drawn and one conditional
// GAN is fitted on them in a stock ML.NET pipeline (MapValueToKey → GanGenerate); its augmented view (the rows the
// estimators after GanGenerate see) and the test set go through ExtractPixels once. Each trainer is then fitted on the
// real rows alone, on the real rows plus r synthetic rows per real row of each class (each r of --synthetic), and on
// the real rows plus those synthetic rows (at the largest r) that the real-rows model assigns to their class with
// confidence; every model is evaluated on the dataset's full test set. The GAN sees only the drawn images.
var options = StudyOptions.Parse(args);
if (options.Summarize is { } files)
{
    Summarize(files.Split(','));
    return 0;
}
TorchRuntime.EnsureLoaded();
torch.set_num_threads(options.Threads);
AllocatorSettings.TryRetainFreedMemory();
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!);
using var results = new StreamWriter(options.OutputPath, append: File.Exists(options.OutputPath));
if (results.BaseStream.Position == 0) results.WriteLine("dataset,per_class,seed,trainer,variant,synthetic_rows,accuracy,gan_seconds");

var ml = new MLContext(seed: 1);
// Each fit gets a context of its own with the same seed, so a trainer's result depends only on its rows, not on what
// ran before it in the process (SDCA shuffles, the forests sample, all from their context's generator).
var knownTrainers = new Dictionary<string, (string Name, Func<MLContext, IEstimator<ITransformer>> Create)>
{
    ["sdca"] = ("SdcaMaximumEntropy", c => c.MulticlassClassification.Trainers.SdcaMaximumEntropy()),
    ["lbfgs"] = ("LbfgsMaximumEntropy", c => c.MulticlassClassification.Trainers.LbfgsMaximumEntropy()),
    ["lightgbm"] = ("LightGbm", c => c.MulticlassClassification.Trainers.LightGbm()),
    ["fastforest"] = ("OneVersusAll(FastForest)", c => c.MulticlassClassification.Trainers.OneVersusAll(c.BinaryClassification.Trainers.FastForest())),
    ["fasttree"] = ("OneVersusAll(FastTree)", c => c.MulticlassClassification.Trainers.OneVersusAll(c.BinaryClassification.Trainers.FastTree())),
};
var trainers = options.Trainers.Select(t => knownTrainers.TryGetValue(t, out var trainer) ? trainer
    : throw new ArgumentException($"--trainers: unknown trainer '{t}'; known: {string.Join(", ", knownTrainers.Keys)}")).ToArray();
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
            int largestRatio = options.SyntheticPerClass.Max();
            var gan = new GanGeneratingEstimator.Options
            {
                Kind = GanKind.ConditionalDcgan,
                Model = new GanOptions { GeneratorWidth = options.Width, DiscriminatorWidth = options.Width },
                Training = new GanTrainerOptions { Epochs = (int)Math.Ceiling(options.Steps / Math.Floor(few.Count / (double)batch)), BatchSize = batch, Seed = (ulong)seed, LogEveryBatches = 0 },
                SyntheticRowsPerClass = largestRatio * perClass,
                GenerationSeed = (ulong)(100 + seed),
            };
            // Pixels once: the real rows followed by the synthetic ones (what the estimators after GanGenerate see),
            // kept in ML.NET's binary format so a sweep over trainers or ratios does not train the GAN again; and the
            // test set under this subset's key mapping.
            var pixels = ml.Transforms.ExtractPixels("Features", "Image", colorsToExtract: ImagePixelExtractingEstimator.ColorBits.Red, scaleImage: 1f / 255).Fit(keyedTrain);
            IDataView testPixels = ml.Data.LoadFromEnumerable(Materialize(pixels.Transform(keyed.Transform(test))));
            string cached = Path.Combine(options.RowsCache, string.Create(CultureInfo.InvariantCulture,
                $"{dataset}-{perClass}-seed{seed}-steps{options.Steps}-width{options.Width}-x{largestRatio}.idv"));
            double ganSeconds;
            List<PixelRow> rows;
            if (File.Exists(cached))
            {
                rows = Materialize(ml.Data.LoadFromBinary(cached));
                ganSeconds = double.Parse(File.ReadAllText(cached + ".seconds"), CultureInfo.InvariantCulture);
            }
            else
            {
                var clock = Stopwatch.StartNew();
                using var generator = ml.Transforms.GanGenerate("Image", "Label", gan).Fit(keyedTrain);
                ganSeconds = clock.Elapsed.TotalSeconds;
                rows = Materialize(pixels.Transform(generator.TransformForTrainingPipeline(keyedTrain)));
                Directory.CreateDirectory(options.RowsCache);
                using (var file = File.Create(cached + ".partial"))
                    ml.Data.SaveAsBinary(ml.Data.LoadFromEnumerable(rows), file);
                File.WriteAllText(cached + ".seconds", ganSeconds.ToString("F1", CultureInfo.InvariantCulture));
                File.Move(cached + ".partial", cached, overwrite: true);
            }
            List<PixelRow> real = [.. rows.Where(r => !r.IsSynthetic)];

            foreach (var (name, create) in trainers)
            {
                ITransformer Fit(List<PixelRow> data)
                {
                    var context = new MLContext(seed: 1);
                    return create(context).Fit(context.Data.Cache(context.Data.LoadFromEnumerable(data)));
                }
                var baseline = Fit(real);
                var variants = new List<(string Variant, List<PixelRow> Rows)> { ("real", real) };
                foreach (int ratio in options.SyntheticPerClass.Order())
                    variants.Add(($"real+gan-x{ratio}", [.. real, .. FirstPerClass(rows.Where(r => r.IsSynthetic), ratio * perClass)]));
                // The lever tried when plain augmentation does not pay: keep only the synthetic rows the baseline
                // classifier (trained on the real rows) assigns to their conditioned class with confidence.
                var synthetic = rows.Where(r => r.IsSynthetic).ToList();
                var scored = ml.Data.CreateEnumerable<ScoredRow>(baseline.Transform(ml.Data.LoadFromEnumerable(synthetic)), reuseRowObject: false).ToList();
                variants.Add(($"real+gan-x{largestRatio}-confident", [.. real, .. synthetic.Where((_, i) => scored[i].PredictedLabel == scored[i].Label && scored[i].Score.Max() >= options.Confidence)]));
                foreach (var (variant, data) in variants)
                {
                    var model = variant == "real" ? baseline : Fit(data);
                    double accuracy = ml.MulticlassClassification.Evaluate(model.Transform(testPixels)).MicroAccuracy;
                    long syntheticRows = data.Count(r => r.IsSynthetic);
                    results.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{dataset},{perClass},{seed},{name},{variant},{syntheticRows},{accuracy:F4},{ganSeconds:F0}"));
                    results.Flush();
                    Console.WriteLine($"{dataset} {perClass}/class seed {seed} {name,-20} {variant,-24} {syntheticRows,6} synthetic rows, accuracy {accuracy:P1} (GAN {ganSeconds:F0} s)");
                }
            }
        }
}
Summarize([options.OutputPath]);
return 0;

// The rows of a view as PixelRows ready for LoadFromEnumerable. ML.NET 6.0's CreateEnumerable gives a key as its raw
// value (1-based, 0 for missing) while LoadFromEnumerable reads a [KeyType] member as 0-based: without the shift a
// round trip moves every label up by one and makes the last class missing (so trainers and Evaluate skip its rows).
List<PixelRow> Materialize(IDataView view)
{
    var rows = ml.Data.CreateEnumerable<PixelRow>(view, reuseRowObject: false, ignoreMissingColumns: true).ToList();
    foreach (var row in rows) row.Label = row.Label - 1;
    return rows;
}

// Mean ± sample sd of the accuracy over seeds, per dataset, images per class, trainer and variant, as a markdown table
// with a column per variant; each augmented column also gives its gain over the real rows alone, taken seed by seed,
// and a confident-only column the mean number of synthetic rows it kept.
static void Summarize(string[] csvPaths)
{
    var rows = csvPaths.SelectMany(path => File.ReadLines(path).Skip(1)).Select(line => line.Split(','))
        .Select(f => (Dataset: f[0], PerClass: int.Parse(f[1], CultureInfo.InvariantCulture), Seed: int.Parse(f[2], CultureInfo.InvariantCulture),
            Trainer: f[3], Variant: f[4], Synthetic: long.Parse(f[5], CultureInfo.InvariantCulture), Accuracy: 100 * double.Parse(f[6], CultureInfo.InvariantCulture)))
        .ToList();
    string[] augmentedVariants = [.. rows.Select(r => r.Variant).Where(v => v != "real").Distinct()
        .OrderBy(v => v.EndsWith("-confident", StringComparison.Ordinal)).ThenBy(v => int.Parse(v.Split("-x")[1].Split('-')[0], CultureInfo.InvariantCulture))];
    Console.WriteLine($"| dataset | labelled / class | trainer | real only | {string.Join(" | ", augmentedVariants.Select(v => $"{Describe(v)} (gain)"))} | seeds |");
    Console.WriteLine($"|---|---|---|---|{string.Concat(augmentedVariants.Select(_ => "---|"))}---|");
    foreach (var group in rows.GroupBy(r => (r.Dataset, r.PerClass, r.Trainer)).OrderBy(g => g.Key.Dataset).ThenBy(g => g.Key.PerClass).ThenBy(g => g.Key.Trainer))
    {
        double[] Of(string variant) => [.. group.Where(r => r.Variant == variant).OrderBy(r => r.Seed).Select(r => r.Accuracy)];
        double[] real = Of("real");
        string Cell(string variant)
        {
            double[] values = Of(variant);
            if (values.Length == 0) return "";
            string gain = values.Length == real.Length ? $" ({Format([.. values.Zip(real, (v, r) => v - r)], signed: true)})" : "";
            string kept = variant.EndsWith("-confident", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $", {group.Where(r => r.Variant == variant).Average(r => (double)r.Synthetic):F0} rows") : "";
            return Format(values) + gain + kept;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {group.Key.Dataset} | {group.Key.PerClass} | {group.Key.Trainer} | {Format(real)} | {string.Join(" | ", augmentedVariants.Select(Cell))} | {real.Length} |"));
    }

    // "real+gan-x5" → "+ GanGenerate ×5"; "real+gan-x20-confident" → "+ GanGenerate ×20, confident only".
    static string Describe(string variant) =>
        "+ GanGenerate ×" + variant.Split("-x")[1].Replace("-confident", ", confident only", StringComparison.Ordinal);

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

// The first count rows of each class, in order.
static IEnumerable<PixelRow> FirstPerClass(IEnumerable<PixelRow> rows, int count)
{
    var taken = new Dictionary<uint, int>();
    foreach (var row in rows)
    {
        int already = taken.GetValueOrDefault(row.Label);
        if (already >= count) continue;
        taken[row.Label] = already + 1;
        yield return row;
    }
}

/// <summary>A row as the trainers read it: the image's pixels, its class and whether GanGenerate made it.</summary>
internal sealed class PixelRow
{
    [VectorType(28 * 28)] public float[] Features { get; set; } = [];
    [KeyType(10)] public uint Label { get; set; }
    public bool IsSynthetic { get; set; }
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
internal sealed record StudyOptions(string[] Datasets, int[] PerClass, int[] Seeds, string[] Trainers, int Steps, int Width, int[] SyntheticPerClass,
    float Confidence, int Threads, string OutputPath, string RowsCache, string? Summarize)
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
            map.GetValueOrDefault("trainers", "sdca,lbfgs").Split(','),
            Ints("steps", "2000")[0],
            Ints("width", "16")[0],
            Ints("synthetic", "5"),
            float.Parse(map.GetValueOrDefault("confidence", "0.9"), CultureInfo.InvariantCulture),
            Ints("threads", "2")[0],
            map.GetValueOrDefault("out", Path.Combine("artifacts", "augmentation.csv")),
            map.GetValueOrDefault("rows-cache", Path.Combine("artifacts", "augmentation-rows")),
            map.GetValueOrDefault("summarize"));
    }
}
