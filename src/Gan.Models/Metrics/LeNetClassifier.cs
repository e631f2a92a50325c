using System.Diagnostics;
using System.Globalization;
using Gan.Models.Datasets;
using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace Gan.Models.Metrics;

/// <summary>
/// A LeNet-5-style classifier (LeCun et al. 1998, with ReLU and max pooling as in most modern ports): conv 5×5 (6) →
/// pool → conv 5×5 (16) → pool → FC 120 → FC 84 → logits. It replaces the ImageNet Inception of FID with weights the
/// project trains itself (the TF-GAN MNIST recipe); <see cref="Features"/> (the 84-wide layer) feeds the Fréchet distance.
/// </summary>
/// <remarks>State keys: <c>conv1</c>, <c>conv2</c>, <c>fc1</c>, <c>fc2</c>, <c>fc3</c> (weight and bias each).</remarks>
public sealed class LeNetClassifier : Module<Tensor, Tensor>
{
    [ComponentName(Name = "conv1")] private readonly Conv2d _conv1;
    [ComponentName(Name = "conv2")] private readonly Conv2d _conv2;
    [ComponentName(Name = "fc1")] private readonly Linear _fc1;
    [ComponentName(Name = "fc2")] private readonly Linear _fc2;
    [ComponentName(Name = "fc3")] private readonly Linear _fc3;

    /// <summary>Creates an untrained classifier for <paramref name="imageSize"/> (28 or 32) px images of 1 or 3 channels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or channel count the architecture cannot handle.</exception>
    public LeNetClassifier(int imageSize = 28, int channels = 1, int classCount = 10) : base(nameof(LeNetClassifier))
    {
        if (imageSize is not (28 or 32)) throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "LeNet takes 28 or 32 px images");
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "LeNet takes 1 or 3 channels");
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ImageSize = imageSize;
        Channels = channels;
        ClassCount = classCount;
        // 28 px images are padded by 2 so both sizes reach 16 maps of 5×5 before the dense layers, as in LeNet-5.
        _conv1 = Conv2d(channels, 6, 5, padding: imageSize == 28 ? 2 : 0);
        _conv2 = Conv2d(6, 16, 5);
        _fc1 = Linear(16 * 5 * 5, 120);
        _fc2 = Linear(120, FeatureSize);
        _fc3 = Linear(FeatureSize, classCount);
        RegisterComponents();
        this.to(TorchRuntime.DefaultDevice);
    }

    /// <summary>The width of <see cref="Features"/>.</summary>
    public const int FeatureSize = 84;

    /// <summary>The image side in pixels.</summary>
    public int ImageSize { get; }

    /// <summary>The number of image channels.</summary>
    public int Channels { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The penultimate activations [N, 84] of images [N, C, H, W].</summary>
    public Tensor Features(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = max_pool2d(_conv1.call(images).relu(), [2, 2]);
        x = max_pool2d(_conv2.call(x).relu(), [2, 2]);
        var features = _fc2.call(_fc1.call(x.flatten(1)).relu()).relu();
        return features.MoveToOuterDisposeScope();
    }

    /// <summary>Logits [N, classes] of images [N, C, H, W].</summary>
    public override Tensor forward(Tensor images)
    {
        using var features = Features(images);
        return Logits(features);
    }

    /// <summary>Logits [N, classes] from features [N, 84] already computed by <see cref="Features"/> (saves a second pass).</summary>
    public Tensor Logits(Tensor features) => _fc3.call(features);

    /// <summary>Trains with Adam and cross-entropy on shuffled mini-batches at a constant learning rate; deterministic for a <paramref name="seed"/>.</summary>
    /// <returns>The mean training loss of the last epoch.</returns>
    public double Fit(LabelledImageSet data, int epochs = 1, int batchSize = 64, double learningRate = 1e-3, ulong seed = 1) =>
        Fit(data, new ClassifierRecipe(epochs, batchSize, learningRate, LearningRateDecay: 1, HorizontalFlips: false, seed));

    /// <summary>
    /// Trains as <paramref name="recipe"/> says, from weights drawn afresh with the recipe's seed, so the result
    /// depends only on the data and the recipe (on one machine).
    /// </summary>
    /// <param name="data">The training images, in the classifier's size and channel count.</param>
    /// <param name="recipe">Epochs, batch size, learning rate and its decay, flips, seed.</param>
    /// <param name="progress">Told at the end of every epoch.</param>
    /// <returns>The mean training loss of the last epoch.</returns>
    /// <exception cref="ArgumentException">The images do not fit the classifier, or the recipe is invalid.</exception>
    public double Fit(LabelledImageSet data, ClassifierRecipe recipe, IProgress<ClassifierEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(recipe);
        recipe.Validate();
        CheckImages(data.Images);
        using var shuffle = new Generator(recipe.Seed);
        SeededInit.ResetParameters(this, shuffle);
        using var adam = optim.Adam(parameters().ToArray(), lr: recipe.LearningRate);
        var device = TorchRuntime.DefaultDevice;
        using var convolutions = TrainingConvolutions.NativeWhereOneDnnIsCapped();
        var clock = Stopwatch.StartNew();
        train();
        double lastLoss = 0;
        for (int epoch = 1; epoch <= recipe.Epochs; epoch++)
        {
            double sum = 0;
            int batches = 0;
            using var order = randperm(data.Count, generator: shuffle);
            for (long start = 0; start < data.Count; start += recipe.BatchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(recipe.BatchSize, data.Count - start));
                var images = data.Images.index_select(0, index).to(device);
                if (recipe.HorizontalFlips) images = RandomHorizontalFlips(images, shuffle);
                var loss = cross_entropy(call(images), data.Labels.index_select(0, index).to(device));
                zero_grad();
                loss.backward();
                adam.step();
                sum += loss.item<float>();
                batches++;
            }
            lastLoss = sum / batches;
            adam.ParamGroups.First().LearningRate *= recipe.LearningRateDecay;
            progress?.Report(new ClassifierEpoch(epoch, recipe.Epochs, lastLoss, clock.Elapsed));
        }
        eval();
        return lastLoss;
    }

    /// <summary>Mirrors each image left-right with probability ½.</summary>
    private static Tensor RandomHorizontalFlips(Tensor images, Generator random)
    {
        var mirror = rand([images.size(0), 1, 1, 1], generator: random).lt(0.5).to(ScalarType.Float32).to(images.device);
        return images.add(mirror.mul(images.flip(3).sub(images)));
    }

    /// <summary>Refuses images that are not [N, <see cref="Channels"/>, <see cref="ImageSize"/>, <see cref="ImageSize"/>].</summary>
    /// <exception cref="ArgumentException">Another shape.</exception>
    public void CheckImages(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || images.size(1) != Channels || images.size(2) != ImageSize || images.size(3) != ImageSize)
            throw new ArgumentException(
                $"the classifier takes images [N, {Channels}, {ImageSize}, {ImageSize}], not [{string.Join(", ", images.shape)}]", nameof(images));
    }

    /// <summary>The predicted class [N] (int64) of each image, in batches, without gradients.</summary>
    public long[] Predict(Tensor images, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(images);
        eval();
        using var inference = inference_mode();
        var predictions = new List<long>((int)images.size(0));
        for (long start = 0; start < images.size(0); start += batchSize)
        {
            using var scope = NewDisposeScope();
            var batch = images.narrow(0, start, Math.Min(batchSize, images.size(0) - start)).to(TorchRuntime.DefaultDevice);
            predictions.AddRange(call(batch).argmax(1).CopyToArray<long>());
        }
        return [.. predictions];
    }

    /// <summary>The share of <paramref name="data"/> classified correctly.</summary>
    public double Evaluate(LabelledImageSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ClassMetrics.ConditionalAccuracy(Predict(data.Images), data.Labels.CopyToArray<long>());
    }

    /// <summary>Saves the weights as safetensors (atomically), with the architecture and <paramref name="metadata"/> in the metadata.</summary>
    public void SaveTo(string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var all = new Dictionary<string, string>(ArchitectureMetadata());
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) all[key] = value;
        this.SaveSafeTensors(path, all);
    }

    /// <summary>What <see cref="SaveTo"/> records about the architecture.</summary>
    public IReadOnlyDictionary<string, string> ArchitectureMetadata() => new Dictionary<string, string>
    {
        ["architecture"] = "lenet5",
        ["image_size"] = ImageSize.ToString(CultureInfo.InvariantCulture),
        ["channels"] = Channels.ToString(CultureInfo.InvariantCulture),
        ["classes"] = ClassCount.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Loads weights saved by <see cref="SaveTo"/> into this (same-shaped) classifier.</summary>
    /// <exception cref="SafeTensorsFormatException">The file is not valid safetensors.</exception>
    /// <exception cref="StateDictException">The file's weights do not fit this classifier.</exception>
    public void LoadFrom(string path) => this.LoadSafeTensors(path);
}
