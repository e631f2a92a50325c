using System.Diagnostics;
using Gan.Models.Datasets;
using Gan.Torch;
using Gan.Torch.NN;
using Gan.Torch.Optim;
using Gan.Torch.Serialization;

// Usage:
//   train    [--epochs N] [--threads N] [--out model.safetensors] [--data folder]
//   evaluate [--model model.safetensors] [--data folder]
var command = args.Length > 0 ? args[0] : "train";
var options = Options.Parse(args.Skip(1).ToArray());
Tensors.Threads = options.Threads;
Tensors.RetainFreedMemory(); // this program owns its process: keep freed buffers instead of re-faulting them every step

switch (command)
{
    case "train":
        Train(options);
        break;
    case "evaluate":
        Evaluate(options);
        break;
    default:
        Console.Error.WriteLine($"unknown command '{command}'; use train or evaluate");
        return 2;
}
return 0;

static Sequential CreateModel() =>
    new(new Flatten(), new Linear(784, 256), new ReLU(), new Dropout(0.2), new Linear(256, 10));

static void Train(Options options)
{
    Tensors.ManualSeed(1);
    using var train = FashionMnist.LoadTrain(options.DataFolder, PixelRange.ZeroToOne);
    using var test = FashionMnist.LoadTest(options.DataFolder, PixelRange.ZeroToOne);
    using var model = CreateModel();
    using var adam = new Adam(model.Parameters(), lr: 1e-3);
    using var shuffle = new Generator(1);
    const int batchSize = 64;
    long baseline = Tensors.LiveTensorCount;
    Console.WriteLine($"Fashion-MNIST: {train.Count} training and {test.Count} test images; libtorch {Tensors.LibTorchVersion}, {Tensors.Threads} thread(s)");

    for (int epoch = 1; epoch <= options.Epochs; epoch++)
    {
        model.Train();
        var clock = Stopwatch.StartNew();
        double lossSum = 0;
        int batches = 0;
        using (var order = Tensors.Randperm(train.Count, generator: shuffle))
        for (long start = 0; start < train.Count; start += batchSize)
        {
            using var scope = Tensors.NewDisposeScope();
            var index = order.Narrow(0, start, Math.Min(batchSize, train.Count - start));
            var loss = Functional.CrossEntropy(model.Call(train.Images.IndexSelect(0, index)), train.Labels.IndexSelect(0, index));
            adam.ZeroGrad();
            loss.Backward();
            adam.Step();
            lossSum += loss.Item<double>();
            batches++;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"epoch {epoch}/{options.Epochs}: loss {lossSum / batches:F4}, test accuracy {Accuracy(model, test):P2}, " +
                          $"{train.Count / seconds:F0} images/s, live tensors {Tensors.LiveTensorCount - baseline:+0;-0;0} vs start");
    }

    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.ModelPath))!);
    model.Save(options.ModelPath, new Dictionary<string, string> { ["architecture"] = "784-256-relu-dropout-10" });
    Console.WriteLine($"saved {options.ModelPath} ({new FileInfo(options.ModelPath).Length:N0} bytes, safetensors)");
}

static void Evaluate(Options options)
{
    using var test = FashionMnist.LoadTest(options.DataFolder, PixelRange.ZeroToOne);
    using var model = CreateModel();
    model.Load(options.ModelPath);
    Console.WriteLine($"loaded {options.ModelPath}: test accuracy {Accuracy(model, test):P2} on {test.Count} images");
    using var scope = Tensors.NewDisposeScope();
    model.Eval();
    using (Tensors.InferenceMode())
    {
        var predicted = model.Call(test.Images.Narrow(0, 0, 8)).Argmax(1).ToArray<long>();
        var actual = test.Labels.Narrow(0, 0, 8).ToArray<long>();
        for (int i = 0; i < predicted.Length; i++)
            Console.WriteLine($"  image {i}: predicted {FashionMnist.ClassNames[(int)predicted[i]],-12} actual {FashionMnist.ClassNames[(int)actual[i]]}");
    }
}

static double Accuracy(Sequential model, LabelledImageSet data)
{
    model.Eval();
    using var inference = Tensors.InferenceMode();
    using var scope = Tensors.NewDisposeScope();
    var correct = model.Call(data.Images).Argmax(1).Eq(data.Labels).Sum().Item<long>();
    model.Train();
    return (double)correct / data.Count;
}

internal sealed record Options(int Epochs, int Threads, string ModelPath, string DataFolder)
{
    public static Options Parse(string[] args)
    {
        var o = new Options(5, 1, "artifacts/demo/fashion-mlp.safetensors", FashionMnist.DefaultFolder);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            o = args[i] switch
            {
                "--epochs" => o with { Epochs = int.Parse(args[i + 1]) },
                "--threads" => o with { Threads = int.Parse(args[i + 1]) },
                "--out" or "--model" => o with { ModelPath = args[i + 1] },
                "--data" => o with { DataFolder = args[i + 1] },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return o;
    }
}
