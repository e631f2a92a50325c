using Gan.MLNet.Transforms;

namespace Gan.MLNet;

public sealed partial class DataOperationsCatalog
{
    /// <summary>
    /// A view of <paramref name="count"/> fresh samples of a fitted (or loaded) GanGenerate step: the sample column and,
    /// for a conditional GAN, the label column (a key with the class names as text). Sample k is the same for the same
    /// transformer seed, before and after Model.Save/Load. The view generates lazily, in batches.
    /// </summary>
    /// <param name="transformer">The fitted GanGenerate step.</param>
    /// <param name="count">How many rows.</param>
    /// <param name="label">The class to generate (as in <see cref="GanGeneratingTransformer.ClassNames"/>); null cycles through all classes.</param>
    /// <param name="seed">The noise seed; null uses the transformer's <see cref="GanGeneratingTransformer.GenerationSeed"/>. Views with different seeds hold different samples.</param>
    /// <exception cref="ArgumentException">The label is not a class of the transformer, or one is given to an unconditional GAN.</exception>
    public IDataView Generate(GanGeneratingTransformer transformer, long count, string? label = null, ulong? seed = null)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int? classIndex = null;
        if (label is not null)
        {
            if (transformer.ClassNames.Count == 0)
                throw new ArgumentException($"The GAN is unconditional; it takes no label (got '{label}').", nameof(label));
            int index = transformer.ClassNames.ToList().IndexOf(label);
            if (index < 0)
                throw new ArgumentException($"'{label}' is not a class of the GAN; its classes are {string.Join(", ", transformer.ClassNames)}.", nameof(label));
            classIndex = index;
        }
        return transformer.Generate(count, classIndex, seed);
    }
}
