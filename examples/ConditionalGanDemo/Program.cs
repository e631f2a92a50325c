using System.Diagnostics;
using Gan.Imaging;
using Gan.Imaging.Composition;
using Gan.MLNet;
using Gan.MLNet.Transforms;
using Gan.Models.Gans;
using Gan.Models.Metrics;
using Gan.Models.Torch;
using Gan.Models.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp;
using static TorchSharp.torch;

// Usage (from the repository root; scripts/demo.sh runs both steps):
//   train  [--dataset mnist10k|fashion-mnist] [--epochs N] [--width N] [--model file.zip] [--threads N]
//   sample [--dataset mnist10k|fashion-mnist] [--model file.zip] [--grid file.png] [--threads N] [--samples N]
var command = args.Length > 0 ? args[0] : "train";
var options = DemoOptions.Parse(args.Skip(1).ToArray());
TorchRuntime.EnsureLoaded(); // before any tensor work: it prepares the process for libtorch
torch.set_num_threads(options.Threads);
AllocatorSettings.TryRetainFreedMemory();
switch (command)
{
    case "train":
        Train(options);
        return 0;
    case "sample":
        Sample(options);
        return 0;
    default:
        Console.Error.WriteLine($"unknown command '{command}'; use train or sample");
        return 2;
}

static void Train(DemoOptions options)
{
    using var split = DemoData.Load(options.Dataset);
    var mlContext = new MLContext(seed: 1);
    IDataView data = mlContext.Data.LoadFromEnumerable(DemoData.Rows(split.Train));
    Console.WriteLine($"{options.Dataset}: training a conditional DCGAN on {split.Train.Count} images for {options.Epochs} epochs, " +
                      $"{get_num_threads()} thread(s)");

    var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
        .Append(mlContext.Transforms.GanGenerate("Image", "Label", new GanGeneratingEstimator.Options
        {
            Kind = GanKind.ConditionalDcgan,
            Model = new GanOptions { GeneratorWidth = options.Width, DiscriminatorWidth = options.Width },
            Training = new GanTrainerOptions { Epochs = options.Epochs, BatchSize = 64, Seed = 1, LogEveryBatches = 25, SampleDirectory = options.EpochGridFolder },
            SyntheticRowsPerClass = 100,
            Log = message => Console.WriteLine($"  {message}"),
        }));
    var clock = Stopwatch.StartNew();
    using var model = pipeline.Fit(data);
    Console.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F0} s; epoch grids in {options.EpochGridFolder}");

    // What the estimators after GanGenerate would be trained on: the real rows, then 100 synthetic rows per class.
    var keyed = model.First().Transform(data);
    var flags = model.LastTransformer.TransformForTrainingPipeline(keyed).GetColumn<bool>("IsSynthetic").ToList();
    Console.WriteLine($"training view: {flags.Count(f => !f)} real + {flags.Count(f => f)} synthetic rows; at scoring: " +
                      $"{model.Transform(data).GetColumn<bool>("IsSynthetic").Count()} rows");

    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.ModelPath))!);
    mlContext.Model.SaveWithNetworks(model, data.Schema, options.ModelPath);
    Console.WriteLine($"saved {options.ModelPath} ({new FileInfo(options.ModelPath).Length / 1024} KiB)");
}

static void Sample(DemoOptions options)
{
    var mlContext = new MLContext(seed: 1);
    var model = mlContext.Model.LoadWithNetworks(options.ModelPath, out _);
    using var disposable = model as IDisposable;
    var gan = ((IEnumerable<ITransformer>)model).OfType<GanGeneratingTransformer>().Single();
    Console.WriteLine($"loaded {options.ModelPath}: {gan.ModelOptions.Kind}, {gan.ClassNames.Count} classes, samples {gan.SampleType}");

    // Rows in the dataset's class order (the model's key order is the order labels first occurred in its training data).
    using var split = DemoData.Load(options.Dataset);
    const int perClass = 10;
    var images = new List<Image>();
    foreach (var label in split.Train.ClassNames)
        images.AddRange(mlContext.Data.Generate(gan, perClass, label).GetColumn<MLImage>("Image").Select(i => i.ToImage()));
    var grid = SampleGrid.Compose(images, perClass, padding: 2, rowLabels: [.. split.Train.ClassNames]);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.GridPath))!);
    grid.Save(options.GridPath);
    Console.WriteLine($"wrote {options.GridPath}: {perClass} samples per class, one row per label");

    var recipe = options.Dataset == "mnist10k" ? ClassifierRecipe.Mnist10k : ClassifierRecipe.FashionMnist;
    string cache = Path.Combine("artifacts", "classifiers", $"lenet-{options.Dataset}.safetensors");
    Console.WriteLine($"quality classifier: {cache} (trained on the train split first if not cached)");
    using var classifier = ClassifierCache.LoadOrTrain(cache, split.Train, split.TrainName, recipe);
    using var evaluator = new QualityEvaluator(classifier, split.Test, split.TestName);

    // The evaluator asks for dataset class indices; the model is asked by class name. Each call draws a fresh seed, so
    // batches never repeat samples; samples come back in the order requested.
    ulong call = 0;
    Tensor Source(long count, Tensor? labels)
    {
        var wanted = labels!.CopyToArray<long>();
        var images = new Image[count];
        foreach (var group in wanted.Select((label, index) => (label, index)).GroupBy(x => x.label))
        {
            var made = mlContext.Data.Generate(gan, group.Count(), split.Train.ClassNames[(int)group.Key], seed: 1000 + call++)
                .GetColumn<MLImage>("Image").Select(i => i.ToImage()).ToList();
            foreach (var (item, image) in group.Zip(made)) images[item.index] = image;
        }
        return DemoImages.ToTensor(images);
    }

    var clock = Stopwatch.StartNew();
    var measured = evaluator.Measure(Source, options.Samples, conditional: true);
    using var init = new torch.Generator(1);
    using var untrained = GanNetworks.CreateGenerator(gan.ModelOptions, init);
    var calibration = evaluator.Calibrate(split.Train, options.Samples, conditional: true, seed: 1, untrained);
    Console.WriteLine();
    Console.WriteLine(evaluator.Tabulate(calibration, new QualityColumn("conditional DCGAN (loaded)", QualityColumnRole.Model, measured)).ToMarkdown());
    Console.WriteLine($"measured in {clock.Elapsed.TotalSeconds:F0} s");
}

/// <summary>The demo's command-line options.</summary>
internal sealed record DemoOptions(string Dataset, int Epochs, int Width, int Threads, string ModelPath, string GridPath, int Samples)
{
    public string EpochGridFolder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ModelPath))!, $"cdcgan-{Dataset}-epochs");

    public static DemoOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"expected an option, got '{args[i]}'");
            map[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0) throw new ArgumentException($"option '{args[^1]}' has no value");
        string dataset = map.GetValueOrDefault("dataset", "mnist10k");
        return new DemoOptions(
            dataset,
            int.Parse(map.GetValueOrDefault("epochs", "30")),
            int.Parse(map.GetValueOrDefault("width", "32")),
            int.Parse(map.GetValueOrDefault("threads", Environment.ProcessorCount.ToString())),
            map.GetValueOrDefault("model", Path.Combine("artifacts", "demo", $"cdcgan-{dataset}.zip")),
            map.GetValueOrDefault("grid", Path.Combine("artifacts", "demo", $"cdcgan-{dataset}-grid.png")),
            int.Parse(map.GetValueOrDefault("samples", "2000")));
    }
}
