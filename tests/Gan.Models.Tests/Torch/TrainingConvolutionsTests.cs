using Gan.Models.Datasets;
using Gan.Models.Gans;
using Gan.Models.Metrics;
using Gan.Models.Torch;
using Gan.Models.Training;
using Gan.Models.Tests.Training;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// Where oneDNN is capped at SSE4.1, training runs hold libtorch's own convolution kernels and give the process its
/// flag back when the last run ends; those kernels compute what oneDNN's do. The cap and the flag belong to the
/// process, so each case runs in a child process with the cap set or left off.
/// </summary>
[TestClass]
public sealed class TrainingConvolutionsTests
{
    private static readonly Dictionary<string, string?> Capped = new() { [OneDnnIsa.Variable] = OneDnnIsa.SafeIsa };

    // No cap: only flags are read, no convolution runs (uncapped ones can be wrong on CPUs that describe no caches).
    private static readonly Dictionary<string, string?> Uncapped = new() { [OneDnnIsa.Variable] = "ALL" };

    [TestMethod]
    public void UnderTheCapOverlappingRunsHoldLibTorchsOwnKernelsUntilTheLastOneEnds()
    {
        var (exitCode, output) = ChildProcess.Run(HoldTwoOverlappingRuns, Capped);

        Assert.AreEqual(0, exitCode, output);
        // Each line: oneDNN enabled, then TrainingConvolutions.AreNative.
        Assert.Contains("before: True False", output);
        Assert.Contains("first: False True", output);
        Assert.Contains("both: False True", output);
        Assert.Contains("second only: False True", output);
        Assert.Contains("after: True False", output);
        Assert.Contains("after disposing the second again: True False", output);
    }

    [TestMethod]
    public void WithoutTheCapTrainingRunsLeaveOneDnnOn()
    {
        var (exitCode, output) = ChildProcess.Run(HoldOneRun, Uncapped);

        Assert.AreEqual(0, exitCode, output);
        Assert.Contains("inside: True False", output);
    }

    [TestMethod]
    public void LibTorchsOwnKernelsGiveOneDnnsLossesAndGradientsForAConvolutionalGan()
    {
        var (exitCode, output) = ChildProcess.Run(CompareBothKernels, Capped);

        Assert.AreEqual(0, exitCode, output);
        Assert.Contains("both kernels agree", output);
    }

    [TestMethod]
    public void GanAndClassifierTrainingHoldLibTorchsOwnKernelsUnderTheCapAndGiveThemBack()
    {
        var (exitCode, output) = ChildProcess.Run(TrainAGanAndAClassifier, Capped);

        Assert.AreEqual(0, exitCode, output);
        Assert.Contains("gan step 1: False True", output);
        Assert.Contains("classifier epoch 1: False True", output);
        Assert.Contains("after training: True False", output);
    }

    private static void TrainAGanAndAClassifier()
    {
        TorchRuntime.EnsureLoaded();
        var (samples, labels) = GanTrainerTestData.LabelledImages(32, seed: 1);
        using (samples)
        using (labels)
        using (var trainer = new GanTrainer(GanTrainerTestData.Conditional(), GanTrainerTestData.TrainingFor(epochs: 1)))
            trainer.Train(samples, labels, new SynchronousProgress<GanTrainingProgress>(p => { if (p.Step == 1) Print("gan step 1"); }));

        using var random = new Generator(5);
        using var data = new LabelledImageSet(rand([8, 1, 28, 28], generator: random), arange(8L).remainder(2), ["x", "y"], PixelRange.ZeroToOne);
        using var classifier = new LeNetClassifier(classCount: 2);
        classifier.Fit(data, new ClassifierRecipe(1, 4, 1e-3, 1, HorizontalFlips: false, Seed: 1),
            new SynchronousProgress<ClassifierEpoch>(e => Print($"classifier epoch {e.Epoch}")));
        Print("after training");
    }

    private static void HoldTwoOverlappingRuns()
    {
        TorchRuntime.EnsureLoaded();
        Print("before");
        var first = TrainingConvolutions.NativeWhereOneDnnIsCapped();
        Print("first");
        var second = TrainingConvolutions.NativeWhereOneDnnIsCapped();
        Print("both");
        first.Dispose();
        Print("second only");
        second.Dispose();
        Print("after");
        second.Dispose();
        Print("after disposing the second again");
    }

    private static void HoldOneRun()
    {
        TorchRuntime.EnsureLoaded();
        using (TrainingConvolutions.NativeWhereOneDnnIsCapped()) Print("inside");
    }

    private static void Print(string label) =>
        Console.WriteLine($"{label}: {LibTorchContext.MkldnnEnabled()} {TrainingConvolutions.AreNative}");

    // A conditional DCGAN's losses and every parameter's gradient, once through oneDNN and once through libtorch's
    // own kernels: transposed and strided convolutions, forward and backward, with channel counts of 1 and 12.
    private static void CompareBothKernels()
    {
        var options = new GanOptions
        {
            Kind = GanKind.ConditionalDcgan, SampleShape = [1, 28, 28], ClassCount = 10, LatentSize = 8, GeneratorWidth = 12, DiscriminatorWidth = 12,
        };
        using var networks = GanNetworks.Create(options, seed: 3);
        using var random = new Generator(5);
        using var real = rand([16, 1, 28, 28], generator: random).mul_(2).sub_(1);
        using var labels = randint(0, 10, [16], generator: random);
        using var noise = randn([16, 8], generator: random);

        var (oneDnnLoss, oneDnnGradients) = LossAndGradients(networks, real, labels, noise);
        float[] nativeLoss;
        float[][] nativeGradients;
        using (TrainingConvolutions.NativeWhereOneDnnIsCapped())
        {
            if (!TrainingConvolutions.AreNative) throw new InvalidOperationException("the cap is set, so the run must hold libtorch's own kernels");
            (nativeLoss, nativeGradients) = LossAndGradients(networks, real, labels, noise);
        }

        for (int i = 0; i < nativeLoss.Length; i++)
            if (Math.Abs(nativeLoss[i] - oneDnnLoss[i]) > 1e-5f) throw new InvalidOperationException($"loss {i}: {nativeLoss[i]} against {oneDnnLoss[i]}");
        for (int p = 0; p < nativeGradients.Length; p++)
        {
            float scale = oneDnnGradients[p].Max(Math.Abs);
            float difference = nativeGradients[p].Zip(oneDnnGradients[p], (a, b) => Math.Abs(a - b)).Max();
            if (difference > 1e-4f * Math.Max(scale, 1e-3f))
                throw new InvalidOperationException($"gradient of parameter {p}: differs by {difference} at a scale of {scale}");
        }
        Console.WriteLine($"both kernels agree on {nativeGradients.Length} gradients");
    }

    private static (float[] Losses, float[][] Gradients) LossAndGradients(GanNetworks networks, Tensor real, Tensor labels, Tensor noise)
    {
        using var scope = NewDisposeScope();
        networks.Generator.zero_grad();
        networks.Discriminator.zero_grad();
        var fake = networks.Generator.call(noise, labels);
        var discriminatorLoss = GanLosses.Discriminator(networks.Discriminator.call(real, labels), networks.Discriminator.call(fake, labels));
        var generatorLoss = GanLosses.Generator(networks.Discriminator.call(fake, labels), GanLoss.NonSaturating);
        (discriminatorLoss + generatorLoss).backward();
        var parameters = networks.Generator.parameters().Concat(networks.Discriminator.parameters()).ToArray();
        return ([discriminatorLoss.item<float>(), generatorLoss.item<float>()],
            [.. parameters.Select(p => p.grad!.contiguous().data<float>().ToArray())]);
    }
}
