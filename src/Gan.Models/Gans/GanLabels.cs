using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Models.Gans;

/// <summary>Label checks and embeddings shared by generators, discriminators and the trainer.</summary>
internal static class GanLabels
{
    /// <summary>
    /// The label embedding of a conditional kind (<see cref="GanOptions.ClassCount"/> rows of
    /// <see cref="GanOptions.EffectiveLabelEmbeddingSize"/> values); null for unconditional kinds.
    /// </summary>
    public static Embedding? CreateEmbedding(GanOptions options) =>
        options.IsConditional ? nn.Embedding(options.ClassCount, options.EffectiveLabelEmbeddingSize) : null;

    /// <summary>Conditional kinds need int64 [count] labels in [0, classes); unconditional kinds take none.</summary>
    public static void Check(GanOptions options, Tensor? labels, long count, string parameterName)
    {
        if (!options.IsConditional)
        {
            if (labels is not null)
                throw new ArgumentException($"{options.Kind} is unconditional and takes no labels", parameterName);
            return;
        }
        if (labels is null)
            throw new ArgumentException($"{options.Kind} is conditional: labels int64 [{count}] are required", parameterName);
        if (labels.dim() != 1 || labels.size(0) != count || labels.dtype != ScalarType.Int64)
            throw new ArgumentException($"{options.Kind}: labels must be int64 [{count}], not {labels.dtype} [{string.Join(", ", labels.shape)}]", parameterName);
        if (count == 0) return;
        using var minimum = labels.min();
        using var maximum = labels.max();
        long min = minimum.item<long>();
        long max = maximum.item<long>();
        if (min < 0 || max >= options.ClassCount)
            throw new ArgumentException($"{options.Kind}: labels must be in [0, {options.ClassCount}), found {(min < 0 ? min : max)}", parameterName);
    }
}
