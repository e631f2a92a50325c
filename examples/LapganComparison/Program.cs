using System.Globalization;
using Gan.Models.Datasets;
using Gan.Models.Gans;
using Gan.Models.Gans.Lapgan;
using Gan.Models.Metrics;
using Gan.Models.Torch;
using Gan.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

// Usage (run from the repository root; docs/lapgan.md lists the exact commands):
//   train --kind ConditionalLapgan|ConditionalDcgan|Lapgan|Dcgan --out folder [--dataset fashion-mnist|mnist10k|photos] [--minutes M]
//         [--epochs N] [--batch N] [--seed N] [--threads N] [--level-width W (LAPGAN refinement widths)]
//       trains on the training split padded to 32×32 (photos: 20,000 random 32×32 RGB crops of the skimage photographs;
//       use an unconditional kind) until N epochs or M minutes (the batch in progress finishes),
//       then writes folder/generator.safetensors, folder/samples.png and, for LAPGAN, folder/levels.png.
//   table --dataset fashion-mnist|mnist10k [--samples N] [--threads N] folder…
//       the calibrated quality table of the generators in the folders, measured on the centre 28×28 crop by the
//       cached LeNet classifier (the GanQuality example's cache and recipe).
var command = args.Length > 0 ? args[0] : "";
var options = Options.Parse(args.Skip(1).ToArray());
TorchRuntime.EnsureLoaded(); // before any tensor work: it prepares the process for libtorch
torch.set_num_threads(options.Threads);
AllocatorSettings.TryRetainFreedMemory();
using var data = options.Data.Load();
switch (command)
{
    case "train":
        Train(options, data);
        return 0;
    case "table":
        Table(options, data);
        return 0;
    default:
        Console.Error.WriteLine($"unknown command '{command}'; use train or table");
        return 2;
}

static void Train(Options options, LabelledImageSplit data)
{
    string folder = options.Folders.SingleOrDefault() ?? throw new ArgumentException("train needs --out folder");
    Directory.CreateDirectory(folder);
    var model = new GanOptions
    {
        Kind = options.Kind, SampleShape = [(int)data.Train.Channels, Side, Side],
        Lapgan = new LapganOptions { GeneratorWidth = options.LevelWidth ?? new LapganOptions().GeneratorWidth, DiscriminatorWidth = options.LevelWidth ?? new LapganOptions().DiscriminatorWidth },
    };
    model.ClassCount = model.IsConditional ? data.Train.ClassNames.Count : 0;
    var training = new GanTrainerOptions { Epochs = options.Epochs, BatchSize = options.BatchSize, Seed = options.Seed, LogEveryBatches = 200 };
    using var trainer = new GanTrainer(model, training);
    trainer.Log += (_, e) => Console.WriteLine(e.Message);
    using var samples = data.Train.Height == Side ? data.Train.Images.clone() : Padded.To32(data.Train.Images);
    using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(options.Minutes));
    var clock = System.Diagnostics.Stopwatch.StartNew();
    try
    {
        trainer.Train(samples, model.IsConditional ? data.Train.Labels : null, cancellationToken: budget.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine($"time budget of {options.Minutes} min reached");
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{options.Kind}: {trainer.Step} batches of {options.BatchSize} ({trainer.Step * options.BatchSize / (double)samples.shape[0]:F2} epochs) in {clock.Elapsed.TotalSeconds:F0} s"));

    var generator = trainer.Networks.Generator;
    using (var file = File.Create(Path.Combine(folder, "generator.safetensors.tmp")))
        GanGeneratorSerialization.Save(generator, file);
    File.Move(Path.Combine(folder, "generator.safetensors.tmp"), Path.Combine(folder, "generator.safetensors"), overwrite: true);

    using var scope = NewDisposeScope();
    using var noise = new torch.Generator(options.Seed);
    // One row per class (conditional) or 8 rows of 8; the level grid shows one sample per row.
    int rows = model.IsConditional ? model.ClassCount : 8;
    const int perRow = 8;
    var labels = model.IsConditional ? arange(rows).unsqueeze(1).expand(rows, perRow).reshape(rows * perRow) : null;
    var rowNames = model.IsConditional ? data.Train.ClassNames : null;
    var grid = generator.Sample(rows * perRow, labels, noise);
    Gan.Imaging.Composition.SampleGrid.Compose(ToImages(grid), perRow, rowLabels: rowNames)
        .Save(Path.Combine(folder, "samples.png"), Gan.Imaging.ImageFormat.Png);
    if (generator is LapganGenerator pyramid)
    {
        var rowLabels = model.IsConditional ? arange(rows) : null;
        LapganLevelGrid.Write(pyramid, pyramid.SampleNoise(rows, noise), rowLabels, Path.Combine(folder, "levels.png"), rowNames);
    }
    Console.WriteLine($"wrote {folder}/generator.safetensors, samples.png{(generator is LapganGenerator ? ", levels.png" : "")}");
}

static IReadOnlyList<Gan.Imaging.Image> ToImages(Tensor samples)
{
    using var scope = NewDisposeScope();
    int channels = (int)samples.shape[1], side = (int)samples.shape[2], size = channels * side * side;
    var bytes = samples.add(1).mul(127.5).round().clamp(0, 255).to(ScalarType.Byte).permute(0, 2, 3, 1).contiguous().CopyToArray<byte>();
    var format = channels == 3 ? Gan.Imaging.PixelFormat.Rgb24 : Gan.Imaging.PixelFormat.Gray8;
    return [.. Enumerable.Range(0, (int)samples.shape[0])
        .Select(i => Gan.Imaging.Image.FromPixels(side, side, format, bytes.AsSpan(i * size, size)))];
}

static void Table(Options options, LabelledImageSplit data)
{
    string cache = Path.Combine("artifacts", "classifiers", $"lenet-{options.Dataset}.safetensors");
    using var classifier = ClassifierCache.LoadOrTrain(cache, data.Train, data.TrainName, options.Data.Recipe);
    Console.WriteLine($"classifier test accuracy {classifier.Evaluate(data.Test):P2} ({cache})");
    using var evaluator = new QualityEvaluator(classifier, data.Test, data.TestName);
    long count = options.Samples > 0 ? options.Samples : data.Test.Count;
    var calibration = evaluator.Calibrate(data.Train, count, conditional: true, seed: 1);
    var columns = new List<QualityColumn>();
    var untrained = new List<QualityColumn>();
    foreach (string folder in options.Folders)
    {
        using var file = File.OpenRead(Path.Combine(folder, "generator.safetensors"));
        using var generator = GanGeneratorSerialization.Load(file);
        columns.Add(new QualityColumn($"{generator.Options.Kind} ({Path.GetFileName(folder)})", QualityColumnRole.Model, Measure(evaluator, generator, count)));
        using var init = new torch.Generator(1);
        using var fresh = GanNetworks.CreateGenerator(generator.Options, init);
        untrained.Add(new QualityColumn($"untrained {generator.Options.Kind} (ceiling)", QualityColumnRole.Ceiling, Measure(evaluator, fresh, count)));
    }
    var table = evaluator.Tabulate(calibration with { Ceilings = [.. untrained, .. calibration.Ceilings] }, columns);
    Console.WriteLine(table.ToMarkdown());
}

// The generators make 32-px images of padded 28-px data; the classifier and the reference are the 28-px originals.
static SampleQualityReport Measure(QualityEvaluator evaluator, GanGenerator generator, long count)
{
    using var noise = new torch.Generator(1);
    return evaluator.Measure((n, labels) => Padded.Crop28(generator.Sample(n, labels, noise)), count, conditional: true);
}

internal static partial class Program
{
    public const int Side = 32;
}

/// <summary>28-px images padded to 32 px with the background value −1, and back.</summary>
internal static class Padded
{
    private const int Border = (Program.Side - 28) / 2;

    public static Tensor To32(Tensor images)
    {
        var padded = full([images.shape[0], images.shape[1], Program.Side, Program.Side], -1f);
        using var window = padded.narrow(2, Border, 28).narrow(3, Border, 28);
        window.copy_(images);
        return padded;
    }

    public static Tensor Crop28(Tensor images)
    {
        using var scope = NewDisposeScope();
        return images.narrow(2, Border, 28).narrow(3, Border, 28).contiguous().MoveToOuterDisposeScope();
    }
}

/// <summary>
/// Random 32×32 RGB crops of the colour photographs Debian's python3-skimage ships (no labels: one class). Each photo is
/// first resized to 256×256 by ImageFolderDataset (area interpolation), so a crop covers about 1/8 of its side.
/// </summary>
internal static class PhotoPatches
{
    public const string Folder = "/usr/lib/python3/dist-packages/skimage/data";

    private static readonly string[] Photos =
        ["astronaut.png", "chelsea.png", "coffee.png", "motorcycle_left.png", "motorcycle_right.png", "hubble_deep_field.jpg", "rocket.jpg", "retina.jpg"];

    public static LabelledImageSplit Load(int count, ulong seed)
    {
        string csv = Path.Combine(Path.GetTempPath(), $"lapgan-photos-{Environment.ProcessId}.csv");
        File.WriteAllLines(csv, ["path,label", .. Photos.Where(p => File.Exists(Path.Combine(Folder, p))).Select(p => $"{p},photo")]);
        try
        {
            using var photos = ImageFolderDataset.LoadFromCsv(csv, new ImageFolderOptions { ImageSize = 256, Channels = 3 }, Folder);
            return new LabelledImageSplit(Crops(photos, count, seed), Crops(photos, count / 10, seed + 1))
            {
                TrainName = "photo patches",
                TestName = "photo patches",
            };
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static LabelledImageSet Crops(LabelledImageSet photos, int count, ulong seed)
    {
        using var scope = NewDisposeScope();
        var random = new Random((int)seed);
        var crops = Enumerable.Range(0, count).Select(_ =>
            photos.Images.narrow(0, random.Next((int)photos.Count), 1)
                .narrow(2, random.Next(256 - Program.Side), Program.Side).narrow(3, random.Next(256 - Program.Side), Program.Side)).ToArray();
        var images = cat(crops, 0);
        return new LabelledImageSet(images.MoveToOuterDisposeScope(), zeros([count], ScalarType.Int64).MoveToOuterDisposeScope(), ["photo"], photos.Range);
    }
}

/// <summary>A data set by its command-line name, with the classifier recipe the GanQuality example uses for it.</summary>
internal sealed record DatasetChoice(ClassifierRecipe Recipe, Func<LabelledImageSplit> Load)
{
    public static DatasetChoice Named(string name) => name switch
    {
        "fashion-mnist" => new(ClassifierRecipe.FashionMnist, () => FashionMnist.LoadSplit()),
        "mnist10k" => new(ClassifierRecipe.Mnist10k, () => Mnist10k.Load()),
        "photos" => new(ClassifierRecipe.FashionMnist, () => PhotoPatches.Load(20000, seed: 1)),
        _ => throw new ArgumentException($"unknown dataset '{name}'; use fashion-mnist, mnist10k or photos"),
    };
}

internal sealed record Options(string Dataset, int Threads, GanKind Kind, double Minutes, int Epochs, int BatchSize, ulong Seed,
    int Samples, int? LevelWidth, IReadOnlyList<string> Folders)
{
    public DatasetChoice Data => DatasetChoice.Named(Dataset);

    public static Options Parse(string[] args)
    {
        var o = new Options("fashion-mnist", 1, GanKind.ConditionalLapgan, 10, 100, 64, 1, 0, null, []);
        var folders = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            var c = CultureInfo.InvariantCulture;
            switch (args[i])
            {
                case "--dataset": o = o with { Dataset = Value() }; break;
                case "--threads": o = o with { Threads = int.Parse(Value(), c) }; break;
                case "--kind": o = o with { Kind = Enum.Parse<GanKind>(Value(), ignoreCase: true) }; break;
                case "--minutes": o = o with { Minutes = double.Parse(Value(), c) }; break;
                case "--epochs": o = o with { Epochs = int.Parse(Value(), c) }; break;
                case "--batch": o = o with { BatchSize = int.Parse(Value(), c) }; break;
                case "--seed": o = o with { Seed = ulong.Parse(Value(), c) }; break;
                case "--level-width": o = o with { LevelWidth = int.Parse(Value(), c) }; break;
                case "--samples": o = o with { Samples = int.Parse(Value(), c) }; break;
                case "--out": folders.Add(Value()); break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {args[i]}");
                    folders.Add(args[i]);
                    break;
            }
        }
        return o with { Folders = folders };
    }
}
