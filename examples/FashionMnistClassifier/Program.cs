using System.Diagnostics;
using Gan.Models.Datasets;
using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Usage:
//   train    [--epochs N] [--threads N] [--out model.safetensors] [--data folder]
//   evaluate [--model model.safetensors] [--data folder]
var command = args.Length > 0 ? args[0] : "train";
var options = Options.Parse(args.Skip(1).ToArray());
TorchRuntime.EnsureLoaded(); // before any tensor work: it prepares the process for libtorch
torch.set_num_threads(options.Threads);
AllocatorSettings.TryRetainFreedMemory(); // this program owns its process: keep freed buffers instead of re-faulting them every step

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

// Keys 1.weight, 1.bias, 4.weight, 4.bias: the layers' positions, as torch.nn.Sequential names them.
static Module<Tensor, Tensor> CreateModel() =>
    Sequential(Flatten(), Linear(784, 256), ReLU(), Dropout(0.2), Linear(256, 10)).to(TorchRuntime.DefaultDevice);

static void Train(Options options)
{
    torch.manual_seed(1);
    using var train = FashionMnist.LoadTrain(options.DataFolder, PixelRange.ZeroToOne);
    using var test = FashionMnist.LoadTest(options.DataFolder, PixelRange.ZeroToOne);
    using var model = CreateModel();
    using var adam = optim.Adam(model.parameters(), lr: 1e-3);
    using var shuffle = new torch.Generator(1);
    using var images = train.Images.to(TorchRuntime.DefaultDevice);
    using var labels = train.Labels.to(TorchRuntime.DefaultDevice);
    const int batchSize = 64;
    long baseline = LiveTensors.Count;
    Console.WriteLine($"Fashion-MNIST: {train.Count} training and {test.Count} test images; libtorch {torch.__version__}, {get_num_threads()} thread(s)");

    for (int epoch = 1; epoch <= options.Epochs; epoch++)
    {
        model.train();
        var clock = Stopwatch.StartNew();
        double lossSum = 0;
        int batches = 0;
        using (var order = randperm(train.Count, generator: shuffle).to(TorchRuntime.DefaultDevice))
        for (long start = 0; start < train.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var index = order.narrow(0, start, Math.Min(batchSize, train.Count - start));
            var loss = functional.cross_entropy(model.call(images.index_select(0, index)), labels.index_select(0, index));
            model.zero_grad();
            loss.backward();
            adam.step();
            lossSum += loss.item<float>();
            batches++;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"epoch {epoch}/{options.Epochs}: loss {lossSum / batches:F4}, test accuracy {Accuracy(model, test):P2}, " +
                          $"{train.Count / seconds:F0} images/s, live tensors {LiveTensors.Count - baseline:+0;-0;0} vs start");
    }

    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.ModelPath))!);
    model.SaveSafeTensors(options.ModelPath, new Dictionary<string, string> { ["architecture"] = "784-256-relu-dropout-10" });
    Console.WriteLine($"saved {options.ModelPath} ({new FileInfo(options.ModelPath).Length:N0} bytes, safetensors)");
}

static void Evaluate(Options options)
{
    using var test = FashionMnist.LoadTest(options.DataFolder, PixelRange.ZeroToOne);
    using var model = CreateModel();
    model.LoadSafeTensors(options.ModelPath);
    Console.WriteLine($"loaded {options.ModelPath}: test accuracy {Accuracy(model, test):P2} on {test.Count} images");
    using var scope = NewDisposeScope();
    model.eval();
    using (inference_mode())
    {
        var predicted = model.call(test.Images.narrow(0, 0, 8).to(TorchRuntime.DefaultDevice)).argmax(1).CopyToArray<long>();
        var actual = test.Labels.narrow(0, 0, 8).CopyToArray<long>();
        for (int i = 0; i < predicted.Length; i++)
            Console.WriteLine($"  image {i}: predicted {FashionMnist.ClassNames[(int)predicted[i]],-12} actual {FashionMnist.ClassNames[(int)actual[i]]}");
    }
}

static double Accuracy(Module<Tensor, Tensor> model, LabelledImageSet data)
{
    model.eval();
    using var inference = inference_mode();
    using var scope = NewDisposeScope();
    var device = TorchRuntime.DefaultDevice;
    var correct = model.call(data.Images.to(device)).argmax(1).eq(data.Labels.to(device)).sum().item<long>();
    model.train();
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
