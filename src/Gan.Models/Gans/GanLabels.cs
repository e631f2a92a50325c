using Gan.Torch;
using Gan.Torch.NN;

namespace Gan.Models.Gans;

/// <summary>Label checks and embeddings shared by generators, discriminators and the trainer.</summary>
internal static class GanLabels
{
    /// <summary>
    /// The label embedding of a conditional kind (<see cref="GanOptions.ClassCount"/> rows of
    /// <see cref="GanOptions.EffectiveLabelEmbeddingSize"/> values); null for unconditional kinds.
    /// </summary>
    public static Embedding? CreateEmbedding(GanOptions options) =>
        options.IsConditional ? new Embedding(options.ClassCount, options.EffectiveLabelEmbeddingSize) : null;

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
        if (labels.Dim != 1 || labels.Size(0) != count || labels.DType != DType.Int64)
            throw new ArgumentException($"{options.Kind}: labels must be int64 [{count}], not {labels.DType} [{string.Join(", ", labels.Shape)}]", parameterName);
        if (count == 0) return;
        using var minimum = labels.Min();
        using var maximum = labels.Max();
        long min = minimum.Item<long>();
        long max = maximum.Item<long>();
        if (min < 0 || max >= options.ClassCount)
            throw new ArgumentException($"{options.Kind}: labels must be in [0, {options.ClassCount}), found {(min < 0 ? min : max)}", parameterName);
    }
}
