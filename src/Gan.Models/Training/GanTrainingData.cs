using System.Globalization;
using Gan.Models.Gans;
using static TorchSharp.torch;

namespace Gan.Models.Training;

/// <summary>Checks a training set against the GAN's options before any step is taken.</summary>
internal static class GanTrainingData
{
    /// <summary>Returns the number of samples N after checking samples float32 [N, …SampleShape] in [−1, 1] (N ≥ 2) and the labels.</summary>
    /// <exception cref="ArgumentException">The message names what was expected and what was given.</exception>
    public static long Check(GanOptions options, Tensor samples, Tensor? labels)
    {
        ArgumentNullException.ThrowIfNull(samples);
        string expected = $"float32 [N, {string.Join(", ", options.SampleShape)}]";
        if (samples.dtype != ScalarType.Float32)
            throw new ArgumentException($"{options.Kind} training samples must be {expected}, not {samples.dtype}", nameof(samples));
        if (samples.dim() != options.SampleShape.Length + 1 || !samples.shape.Skip(1).SequenceEqual(options.SampleShape.Select(d => (long)d)))
            throw new ArgumentException($"{options.Kind} training samples must be {expected}, not [{string.Join(", ", samples.shape)}]", nameof(samples));
        long count = samples.size(0);
        if (count < 2)
            throw new ArgumentException($"training needs at least 2 samples (BatchNorm needs two per batch), not {count}", nameof(samples));
        using (var scope = NewDisposeScope())
        {
            double min = samples.min().item<float>(), max = samples.max().item<float>();
            // NaN fails both comparisons, so NaN data is refused here rather than diverging later.
            if (!(min >= -1 && max <= 1))
                throw new ArgumentException(
                    $"training samples must lie in [-1, 1] (the generator's tanh range; load pixels with PixelRange.MinusOneToOne), " +
                    $"found values from {Text(min)} to {Text(max)}", nameof(samples));
        }
        GanLabels.Check(options, labels, count, nameof(labels));
        return count;
    }

    private static string Text(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
