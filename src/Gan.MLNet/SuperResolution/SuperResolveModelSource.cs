namespace Gan.MLNet.Transforms;

/// <summary>Where SuperResolve's network comes from.</summary>
public enum SuperResolveModelSource
{
    /// <summary>The default SRResNet for the scale, bundled inside Gan.Models (<c>BundledSrModels</c>).</summary>
    Bundled,

    /// <summary>An SRResNet file (<c>SrResNetSerialization</c> format) named by <see cref="SuperResolvingEstimator.Options.ModelPath"/>.</summary>
    File,

    /// <summary>An SRResNet the estimator trains in Fit on the input column's images.</summary>
    Train,
}
