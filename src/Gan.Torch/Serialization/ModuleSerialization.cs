using Gan.Torch.NN;

namespace Gan.Torch.Serialization;

/// <summary>
/// Saves and loads a module's state dict as a safetensors file, with PyTorch's key names, so that the same file
/// loads into the equivalent torch.nn.Module with <c>load_state_dict</c>.
/// </summary>
public static class ModuleSerialization
{
    /// <summary>Writes the module's parameters and persistent buffers to <paramref name="path"/> atomically.</summary>
    public static void Save(this Module module, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafeTensors.Save(module.StateDict(), path, metadata);

    /// <summary>Writes the module's parameters and persistent buffers to <paramref name="stream"/>.</summary>
    public static void Save(this Module module, Stream stream, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafeTensors.Save(module.StateDict(), stream, metadata);

    /// <summary>
    /// Copies the tensors of the safetensors file at <paramref name="path"/> into the module. With
    /// <paramref name="strict"/>, missing or unexpected names are an error; shapes and dtypes must always match.
    /// </summary>
    /// <exception cref="SafeTensorsFormatException">The file is not a valid safetensors file.</exception>
    /// <exception cref="StateDictException">The file's tensors do not fit the module.</exception>
    public static LoadStateDictResult Load(this Module module, string path, bool strict = true)
    {
        using var file = SafeTensors.Load(path);
        return module.LoadStateDict(file.Tensors, strict);
    }

    /// <summary>Copies the tensors of a safetensors stream into the module (see <see cref="Load(Module, string, bool)"/>).</summary>
    public static LoadStateDictResult Load(this Module module, Stream stream, bool strict = true)
    {
        using var file = SafeTensors.Load(stream);
        return module.LoadStateDict(file.Tensors, strict);
    }

    /// <summary>
    /// Builds a module from <paramref name="file"/>'s metadata with <paramref name="build"/> (which reads the
    /// architecture from it) and copies the file's tensors into it strictly; the module is disposed if they do not fit.
    /// </summary>
    /// <exception cref="StateDictException">The file's tensors do not fit the module built.</exception>
    public static TModule Rebuild<TModule>(SafeTensorsFile file, Func<IReadOnlyDictionary<string, string>, TModule> build) where TModule : Module
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(build);
        var module = build(file.Metadata);
        try
        {
            module.LoadStateDict(file.Tensors);
            return module;
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }
}
