using Gan.Models.Torch;

namespace Gan.Models.SuperResolution;

/// <summary>
/// The default ×2 and ×4 SRResNets shipped inside Gan.Models as embedded resources (safetensors in the
/// <see cref="SrResNetSerialization"/> format), so upscaling works without any model file.
/// </summary>
public static class BundledSrModels
{
    /// <summary>The scales a bundled model exists for (when the build embedded it): 2 and 4.</summary>
    public static IReadOnlyList<int> Scales { get; } = [2, 4];

    /// <summary>Whether this build embeds the model for <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The scale is not 2 or 4.</exception>
    public static bool IsAvailable(int scale)
    {
        using var stream = Open(scale);
        return stream is not null;
    }

    /// <summary>A new network with the bundled weights for <paramref name="scale"/> (the caller owns and disposes it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The scale is not 2 or 4.</exception>
    /// <exception cref="BundledSrModelNotFoundException">This build does not embed the model for the scale.</exception>
    /// <exception cref="FormatException">The embedded model is malformed or is not a ×<paramref name="scale"/> network.</exception>
    public static SrResNet Load(int scale)
    {
        using var stream = Open(scale) ?? throw new BundledSrModelNotFoundException(scale, ResourceName(scale));
        SrResNet network;
        try
        {
            network = SrResNetSerialization.Load(stream);
        }
        catch (Exception e) when (e is SafeTensorsFormatException or StateDictException)
        {
            throw new FormatException($"the bundled ×{scale} SRResNet ('{ResourceName(scale)}') does not load: {e.Message}", e);
        }
        if (network.Scale != scale)
        {
            network.Dispose();
            throw new FormatException($"the bundled model '{ResourceName(scale)}' upscales ×{network.Scale}, not ×{scale}");
        }
        return network;
    }

    /// <summary>The embedded resource name of the model for <paramref name="scale"/>.</summary>
    public static string ResourceName(int scale) => $"Gan.Models.SuperResolution.Bundled.srresnet-x{scale}.safetensors";

    private static Stream? Open(int scale)
    {
        if (!Scales.Contains(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"bundled SRResNets exist for ×{string.Join(" and ×", Scales)}, not ×{scale}");
        return typeof(BundledSrModels).Assembly.GetManifestResourceStream(ResourceName(scale));
    }
}
