using Gan.Models.Gans;
using Gan.Models.Torch;
using Gan.Models.Training;
using static TorchSharp.torch;

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
        using var scope = NewDisposeScope();
        using var random = new Generator(seed);
        var center = tensor(mean);
        var samples = randn([count, mean.Length], generator: random).mul(std).add(center).clamp(-1, 1);
        return samples.MoveToOuterDisposeScope();
    }

    /// <summary>Conditional toy images [N, 1, 4, 4]: class c is a constant image of value c − 1 plus noise.</summary>
    public static (Tensor Samples, Tensor Labels) LabelledImages(long count, ulong seed)
    {
        using var scope = NewDisposeScope();
        using var random = new Generator(seed);
        var labels = randint(0, 3, [count], generator: random);
        var level = labels.to(ScalarType.Float32).add(-1).view(count, 1, 1, 1);
        var samples = randn([count, 1, 4, 4], generator: random).mul(0.1).add(level).clamp(-1, 1);
        return (samples.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    public static float[] Flatten(GanTrainer trainer) =>
        [.. trainer.Networks.Generator.state_dict().Values.Concat(trainer.Networks.Discriminator.state_dict().Values)
            .Where(t => t.dtype == ScalarType.Float32).SelectMany(t => t.CopyToArray<float>())];
}
