using System.Diagnostics;
using System.Globalization;
using Gan.Models.Datasets;
using Gan.Models.Gans;
using Gan.Models.Metrics;
using Gan.Models.Torch;
using TorchSharp;

// Usage (run from the repository root; docs/quality.md lists the exact commands):
//   classifier --dataset fashion-mnist|mnist10k [--epochs N] [--lr X] [--decay X] [--batch N] [--flips true|false]
//              [--seed N] [--threads N] [--cache file] [--retrain]
//   table      --dataset fashion-mnist|mnist10k [--samples N (default: the test split's size)] [--kind Conditional|ConditionalDcgan|...] [--threads N]
//              [--cache file]   (the classifier is loaded from the cache, or trained with the preset recipe first)
var command = args.Length > 0 ? args[0] : "classifier";
var options = Options.Parse(args.Skip(1).ToArray());
TorchRuntime.EnsureLoaded(); // before any tensor work: it prepares the process for libtorch
torch.set_num_threads(options.Threads);
AllocatorSettings.TryRetainFreedMemory();

using var data = options.LoadData();
Console.WriteLine($"{options.Dataset}: {data.Train.Count} training and {data.Test.Count} test images; " +
                  $"libtorch {torch.__version__}, {torch.get_num_threads()} thread(s)");
switch (command)
{
    case "classifier":
        Classifier(options, data).Dispose();
        break;
    case "table":
        Table(options, data);
        break;
    default:
        Console.Error.WriteLine($"unknown command '{command}'; use classifier or table");
        return 2;
}
return 0;

static LeNetClassifier Classifier(Options options, LabelledImageSplit data)
{
    var recipe = options.Recipe();
    if (options.Retrain && File.Exists(options.CachePath)) File.Delete(options.CachePath);
    bool cached = ClassifierCache.IsCached(options.CachePath, data.Train, data.TrainName, recipe);
    Console.WriteLine($"recipe: {recipe}; {(cached ? "loading" : "training, then caching in")} {options.CachePath}");
    var clock = Stopwatch.StartNew();
    var classifier = ClassifierCache.LoadOrTrain(options.CachePath, data.Train, data.TrainName, recipe, new ConsoleProgress());
    double seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"test accuracy {classifier.Evaluate(data.Test):P2} on {data.Test.Count} images; " +
                      $"train accuracy {classifier.Evaluate(data.Train):P2}; {(cached ? "loaded" : "trained")} in {seconds:F0} s");
    return classifier;
}

// The calibration table: real floor and ceilings (an untrained generator of --kind, one image repeated, noise).
// A trained generator's column is added the same way: evaluator.Measure(generator, samples, seed).
static void Table(Options options, LabelledImageSplit data)
{
    using var classifier = Classifier(options, data);
    var clock = Stopwatch.StartNew();
    using var evaluator = new QualityEvaluator(classifier, data.Test, data.TestName);
    var ganOptions = new GanOptions { Kind = options.Kind, SampleShape = [1, 28, 28], ClassCount = data.Train.ClassNames.Count };
    using var init = new torch.Generator(1);
    using var untrained = GanNetworks.CreateGenerator(ganOptions, init);
    long samples = options.Samples > 0 ? options.Samples : data.Test.Count; // default N: as many as the reference
    var calibration = evaluator.Calibrate(data.Train, samples, ganOptions.IsConditional, seed: 1, untrained);
    Console.WriteLine();
    Console.WriteLine(evaluator.Tabulate(calibration).ToMarkdown());
    Console.WriteLine($"measured in {clock.Elapsed.TotalSeconds:F0} s (untrained G: {options.Kind})");
}

/// <summary>Prints each epoch on the training thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
internal sealed class ConsoleProgress : IProgress<ClassifierEpoch>
{
    public void Report(ClassifierEpoch e) =>
        Console.WriteLine($"  epoch {e.Epoch}/{e.Epochs}: loss {e.Loss:F4}, {e.Elapsed.TotalSeconds:F0} s");
}

internal sealed record Options(string Dataset, int Threads, string? CacheFile, bool Retrain, int Samples, GanKind Kind,
    int? Epochs, double? LearningRate, double? Decay, int? BatchSize, bool? Flips, ulong? Seed)
{
    public string CachePath => CacheFile ?? Path.Combine("artifacts", "classifiers", $"lenet-{Dataset}.safetensors");

    public LabelledImageSplit LoadData() => Dataset switch
    {
        "fashion-mnist" => FashionMnist.LoadSplit(),
        "mnist10k" => Mnist10k.Load(),
        _ => throw new ArgumentException($"unknown dataset '{Dataset}'; use fashion-mnist or mnist10k"),
    };

    public ClassifierRecipe Recipe()
    {
        var preset = Dataset == "mnist10k" ? ClassifierRecipe.Mnist10k : ClassifierRecipe.FashionMnist;
        return preset with
        {
            Epochs = Epochs ?? preset.Epochs,
            LearningRate = LearningRate ?? preset.LearningRate,
            LearningRateDecay = Decay ?? preset.LearningRateDecay,
            BatchSize = BatchSize ?? preset.BatchSize,
            HorizontalFlips = Flips ?? preset.HorizontalFlips,
            Seed = Seed ?? preset.Seed,
        };
    }

    public static Options Parse(string[] args)
    {
        var o = new Options("fashion-mnist", 1, null, false, 0, GanKind.Conditional, null, null, null, null, null, null);
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            var c = CultureInfo.InvariantCulture;
            o = args[i] switch
            {
                "--dataset" => o with { Dataset = Value() },
                "--threads" => o with { Threads = int.Parse(Value(), c) },
                "--cache" => o with { CacheFile = Value() },
                "--retrain" => o with { Retrain = true },
                "--samples" => o with { Samples = int.Parse(Value(), c) },
                "--kind" => o with { Kind = Enum.Parse<GanKind>(Value(), ignoreCase: true) },
                "--epochs" => o with { Epochs = int.Parse(Value(), c) },
                "--lr" => o with { LearningRate = double.Parse(Value(), c) },
                "--decay" => o with { Decay = double.Parse(Value(), c) },
                "--batch" => o with { BatchSize = int.Parse(Value(), c) },
                "--flips" => o with { Flips = bool.Parse(Value()) },
                "--seed" => o with { Seed = ulong.Parse(Value(), c) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return o;
    }
}
