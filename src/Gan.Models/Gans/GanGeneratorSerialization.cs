using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Gans;

/// <summary>
/// Saves a trained generator as safetensors with its <see cref="GanOptions"/> in the metadata, and rebuilds it from
/// that alone: the architecture comes from the closed <see cref="GanKind"/> list, never from a type name in the file.
/// </summary>
public static class GanGeneratorSerialization
{
    /// <summary>Writes G's state dict and options to <paramref name="stream"/>.</summary>
    public static void Save(GanGenerator generator, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(generator);
        generator.SaveSafeTensors(stream, generator.Options.ToMetadata());
    }

    /// <summary>A copy of <paramref name="generator"/> (same options and weights), e.g. to keep it beyond its trainer.</summary>
    public static GanGenerator Copy(GanGenerator generator)
    {
        using var buffer = new MemoryStream();
        Save(generator, buffer);
        buffer.Position = 0;
        return Load(buffer);
    }

    /// <summary>Rebuilds a generator written by <see cref="Save"/>.</summary>
    /// <exception cref="SafeTensorsFormatException">The stream is not a valid safetensors file.</exception>
    /// <exception cref="FormatException">The options in the metadata are missing or malformed.</exception>
    /// <exception cref="StateDictException">The weights do not fit the architecture the options describe.</exception>
    public static GanGenerator Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        TorchRuntime.EnsureLoaded();
        using var file = SafeTensors.Load(stream);
        return ModuleSerialization.Rebuild(file, metadata =>
        {
            GanOptions options;
            try
            {
                options = GanOptions.FromMetadata(metadata);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"GAN generator file: the options describe no valid GAN ({e.Message})", e);
            }
            using var init = new Generator(0);
            return GanNetworks.CreateGenerator(options, init);
        });
    }
}
