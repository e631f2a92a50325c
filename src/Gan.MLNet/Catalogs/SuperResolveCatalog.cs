using Gan.MLNet.Transforms;

namespace Microsoft.ML;

/// <summary>SuperResolve on <c>mlContext.Transforms</c>: image upscaling with an SRResNet inside pipelines.</summary>
public static class SuperResolveCatalog
{
    /// <summary>
    /// Upscales the images of <paramref name="inputColumnName"/> ×<paramref name="scale"/> into
    /// <paramref name="outputColumnName"/>; by default with the bundled model for the scale, or as
    /// <paramref name="options"/> say (a model file, or a network trained in Fit); see <see cref="SuperResolvingTransformer"/>.
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The upscaled image column.</param>
    /// <param name="inputColumnName">The image column to upscale; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="scale">The upscaling factor: 2 or 4.</param>
    /// <param name="options">Everything else (model source, tiling, read-ahead, training); its column names and scale are replaced by the parameters.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it), e.g. a scale other than 2 or 4.</exception>
    public static SuperResolvingEstimator SuperResolve(this TransformsCatalog catalog, string outputColumnName, string? inputColumnName = null, int scale = 4,
        SuperResolvingEstimator.Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var settings = (options ?? new SuperResolvingEstimator.Options()) with
        {
            OutputColumnName = outputColumnName, InputColumnName = inputColumnName, Scale = scale,
        };
        return new SuperResolvingEstimator(catalog, settings);
    }

    /// <summary>Upscales images with the given settings; see <see cref="SuperResolvingEstimator.Options"/>.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public static SuperResolvingEstimator SuperResolve(this TransformsCatalog catalog, SuperResolvingEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new SuperResolvingEstimator(catalog, options);
    }
}
