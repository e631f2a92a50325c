using Gan.Models.Torch;

namespace Gan.Models.SuperResolution;

/// <summary>
/// Saves an <see cref="SrResNet"/> as safetensors (readable by Python's safetensors) with its
/// <see cref="SrResNetOptions"/> in the metadata, and rebuilds it from that alone: the metadata names the kind
/// "SrResNet" from a closed list, never a type to instantiate.
/// </summary>
public static class SrResNetSerialization
{
    /// <summary>Writes the weights and options to <paramref name="stream"/>.</summary>
    public static void Save(SrResNet network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.SaveSafeTensors(stream, network.Options.ToMetadata());
    }

    /// <summary>Writes the weights and options to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Save(SrResNet network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        network.SaveSafeTensors(path, network.Options.ToMetadata());
    }

    /// <summary>Rebuilds a network written by <see cref="Save(SrResNet, Stream)"/>.</summary>
    /// <exception cref="SafeTensorsFormatException">The stream is not a valid safetensors file.</exception>
    /// <exception cref="FormatException">The options in the metadata are missing or malformed.</exception>
    /// <exception cref="StateDictException">The weights do not fit the architecture the options describe.</exception>
    public static SrResNet Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        TorchRuntime.EnsureLoaded();
        using var file = SafeTensors.Load(stream);
        return Build(file);
    }

    /// <summary>Rebuilds a network written by <see cref="Save(SrResNet, string)"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="SafeTensorsFormatException">The file is not a valid safetensors file.</exception>
    /// <exception cref="FormatException">The options in the metadata are missing or malformed.</exception>
    /// <exception cref="StateDictException">The weights do not fit the architecture the options describe.</exception>
    public static SrResNet Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"SRResNet model file '{path}' does not exist", path);
        TorchRuntime.EnsureLoaded();
        using var file = SafeTensors.Load(path);
        return Build(file);
    }

    /// <summary>A copy of <paramref name="network"/> (same options and weights).</summary>
    public static SrResNet Copy(SrResNet network)
    {
        using var buffer = new MemoryStream();
        Save(network, buffer);
        buffer.Position = 0;
        return Load(buffer);
    }

    private static SrResNet Build(SafeTensorsFile file) => ModuleSerialization.Rebuild(file, metadata =>
    {
        SrResNetOptions options;
        try
        {
            options = SrResNetOptions.FromMetadata(metadata);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"SRResNet file: the options describe no valid network ({e.Message})", e);
        }
        return SrResNet.Create(options, seed: 0);
    });
}
