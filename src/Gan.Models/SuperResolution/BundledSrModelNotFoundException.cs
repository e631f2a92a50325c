namespace Gan.Models.SuperResolution;

/// <summary>
/// The bundled default SRResNet for a scale is not embedded in this build of Gan.Models (its file was absent when the
/// assembly was built).
/// </summary>
public sealed class BundledSrModelNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="scale"/>.</summary>
    /// <param name="scale">The upscaling factor asked for.</param>
    /// <param name="resourceName">The embedded resource that is missing.</param>
    public BundledSrModelNotFoundException(int scale, string resourceName)
        : base($"The bundled ×{scale} SRResNet is not in this build of Gan.Models (embedded resource '{resourceName}' is missing; " +
               $"it is built from src/Gan.Models/SuperResolution/Bundled/srresnet-x{scale}.safetensors). Use a model file or train one instead.")
    {
        Scale = scale;
        ResourceName = resourceName;
    }

    /// <summary>The upscaling factor asked for.</summary>
    public int Scale { get; }

    /// <summary>The embedded resource that is missing.</summary>
    public string ResourceName { get; }
}
