using Gan.Models.Gans;
using Gan.Models.Training;
using Gan.Torch;

namespace Gan.Models.Tests.Training;

/// <summary>Tiny models and toy data sets that train in milliseconds.</summary>
internal static class GanTrainerTestData
{
    public static GanOptions Vanilla(int features = 2) => new()
    {
        Kind = GanKind.Vanilla, SampleShape = [features], LatentSize = 4, GeneratorWidth = 4, DiscriminatorWidth = 4,
    };

    public static GanOptions Conditional() => new()
    {
        Kind = GanKind.Conditional, SampleShape = [1, 4, 4], ClassCount = 3, LatentSize = 4, GeneratorWidth = 4, DiscriminatorWidth = 4,
    };

    public static GanTrainerOptions TrainingFor(int epochs, int batchSize = 16) => new()
    {
        Epochs = epochs, BatchSize = batchSize, LogEveryBatches = 0, SampleGridColumns = 2,
    };

    /// <summary>N(mean, std²) per feature, clamped to [−1, 1]: a distribution a tiny G can learn and an untrained one misses.</summary>
    public static Tensor Gaussian(long count, float[] mean, float std, ulong seed)
    {
        using var scope = Tensors.NewDisposeScope();
        using var random = new Generator(seed);
        var center = Tensors.FromArray(mean, mean.Length);
        var samples = Tensors.Randn([count, mean.Length], generator: random).Mul(std).Add(center).Clamp(-1, 1);
        return scope.MoveToOuter(samples);
    }

    /// <summary>Conditional toy images [N, 1, 4, 4]: class c is a constant image of value c − 1 plus noise.</summary>
    public static (Tensor Samples, Tensor Labels) LabelledImages(long count, ulong seed)
    {
        using var scope = Tensors.NewDisposeScope();
        using var random = new Generator(seed);
        var labels = Tensors.Randint(0, 3, [count], generator: random);
        var level = labels.To(DType.Float32).Add(-1).View(count, 1, 1, 1);
        var samples = Tensors.Randn([count, 1, 4, 4], generator: random).Mul(0.1).Add(level).Clamp(-1, 1);
        return (scope.MoveToOuter(samples), scope.MoveToOuter(labels));
    }

    public static float[] Flatten(GanTrainer trainer) =>
        [.. trainer.Networks.Generator.StateDict().Values.Concat(trainer.Networks.Discriminator.StateDict().Values)
            .Where(t => t.DType == DType.Float32).SelectMany(t => t.ToArray<float>())];
}
