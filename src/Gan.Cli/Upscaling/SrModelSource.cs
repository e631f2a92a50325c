using Gan.Models.SuperResolution;

namespace Gan.Cli.Upscaling;

/// <summary>Finds the network <c>gan upscale</c> runs: a file given with --model, or the bundled default for the scale.</summary>
internal static class SrModelSource
{
    /// <summary>Loads the network; the caller disposes it.</summary>
    /// <param name="modelPath">An SRResNet safetensors file (from <c>gan train srresnet</c>), or null for the bundled default.</param>
    /// <param name="scale">The scale asked for, or null: the model's own, or 4 for the default.</param>
    /// <exception cref="CliUsageException">The scale contradicts the model, or no default model exists for it.</exception>
    public static SrResNet Load(string? modelPath, int? scale)
    {
        if (modelPath is null)
            return LoadBundled(scale ?? 4);
        var network = SrResNetSerialization.Load(modelPath);
        if (scale is { } wanted && wanted != network.Scale)
        {
            network.Dispose();
            throw new CliUsageException($"--scale {wanted} contradicts the model '{modelPath}', which upscales ×{network.Scale}; leave --scale out or pick a ×{wanted} model.");
        }
        return network;
    }

    /// <summary>The default model embedded in Gan.Models for <paramref name="scale"/>.</summary>
    /// <exception cref="CliUsageException">The scale has no bundled model in this build.</exception>
    private static SrResNet LoadBundled(int scale)
    {
        if (!BundledSrModels.Scales.Contains(scale))
            throw new CliUsageException($"--scale {scale} has no bundled model (bundled: {string.Join(", ", BundledSrModels.Scales)}); pass --model <file>.");
        try
        {
            return BundledSrModels.Load(scale);
        }
        catch (BundledSrModelNotFoundException)
        {
            throw new CliUsageException(
                $"this build has no bundled ×{scale} model; pass --model <file> (an SRResNet .safetensors, e.g. from 'gan train srresnet').");
        }
    }
}
