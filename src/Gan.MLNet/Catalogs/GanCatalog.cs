using Gan.MLNet.Transforms;

namespace Microsoft.ML;

/// <summary>GanGenerate on <c>mlContext.Transforms</c>: GAN-made rows for data augmentation, or samples per row.</summary>
public static class GanCatalog
{
    /// <summary>
    /// Trains a GAN on <paramref name="outputColumnName"/> (fixed-size images or Single vectors) and, in the default
    /// Augment mode, appends synthetic rows to it while the pipeline is trained; see <see cref="GanGeneratingTransformer"/>.
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The column the GAN learns from and generates into.</param>
    /// <param name="labelColumnName">A key column of classes for a conditional GAN; null for an unconditional one.</param>
    /// <param name="options">Everything else (kind, epochs, how many rows, …); its column names are replaced by the two above.</param>
    public static GanGeneratingEstimator GanGenerate(this TransformsCatalog catalog, string outputColumnName, string? labelColumnName = null,
        GanGeneratingEstimator.Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var settings = options is null
            ? new GanGeneratingEstimator.Options { OutputColumnName = outputColumnName, LabelColumnName = labelColumnName }
            : options with { OutputColumnName = outputColumnName, LabelColumnName = labelColumnName };
        return new GanGeneratingEstimator(catalog, settings);
    }

    /// <summary>Trains a GAN with the given settings; see <see cref="GanGeneratingEstimator.Options"/>.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="options">The settings.</param>
    public static GanGeneratingEstimator GanGenerate(this TransformsCatalog catalog, GanGeneratingEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new GanGeneratingEstimator(catalog, options);
    }
}
