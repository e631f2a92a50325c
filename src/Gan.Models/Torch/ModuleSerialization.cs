using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>
/// A module's state dict as a safetensors file with metadata, with PyTorch's key names, and a checked load.
/// </summary>
/// <remarks>
/// A file saved here loads into the equivalent <c>torch.nn.Module</c> with <c>load_state_dict</c>, and back.
/// TorchSharp's own <c>load_state_dict</c> copies with broadcasting, so a [4, 1] tensor would silently fill a
/// [4, 3] weight; <see cref="LoadStateDictChecked"/> checks every key, shape and dtype first.
/// </remarks>
public static class ModuleSerialization
{
    /// <summary>Writes the module's parameters and persistent buffers to <paramref name="path"/> atomically.</summary>
    public static void SaveSafeTensors(this nn.Module module, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        SafeTensors.Save(module.state_dict(), path, metadata);
    }

    /// <summary>Writes the module's parameters and persistent buffers to <paramref name="stream"/>.</summary>
    public static void SaveSafeTensors(this nn.Module module, Stream stream, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        SafeTensors.Save(module.state_dict(), stream, metadata);
    }

    /// <summary>
    /// Copies the tensors of the safetensors file at <paramref name="path"/> into the module (see <see cref="LoadStateDictChecked"/>).
    /// </summary>
    /// <exception cref="SafeTensorsFormatException">The file is not a valid safetensors file.</exception>
    /// <exception cref="StateDictException">The file's tensors do not fit the module.</exception>
    public static LoadStateDictResult LoadSafeTensors(this nn.Module module, string path, bool strict = true)
    {
        using var file = SafeTensors.Load(path);
        return module.LoadStateDictChecked(file.Tensors, strict);
    }

    /// <summary>Copies the tensors of a safetensors stream into the module (see <see cref="LoadStateDictChecked"/>).</summary>
    public static LoadStateDictResult LoadSafeTensors(this nn.Module module, Stream stream, bool strict = true)
    {
        using var file = SafeTensors.Load(stream);
        return module.LoadStateDictChecked(file.Tensors, strict);
    }

    /// <summary>
    /// Copies the values of <paramref name="source"/> into the module's parameters and buffers in place, without
    /// recording gradients, after checking every key.
    /// </summary>
    /// <remarks>
    /// A shape or dtype mismatch — and, when <paramref name="strict"/>, a missing or unexpected key — throws and
    /// leaves the module unchanged. Values may live on any device; they are copied to the module's.
    /// </remarks>
    /// <returns>The keys that were missing or unexpected (empty after a strict load).</returns>
    /// <exception cref="StateDictException">The source does not fit; the message names every offending key.</exception>
    public static LoadStateDictResult LoadStateDictChecked(this nn.Module module, IReadOnlyDictionary<string, Tensor> source, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(source);
        var own = module.state_dict();
        var missing = own.Keys.Where(k => !source.ContainsKey(k)).ToList();
        var unexpected = source.Keys.Where(k => !own.ContainsKey(k)).ToList();
        var mismatches = new List<StateDictMismatch>();
        foreach (var (key, target) in own)
        {
            if (!source.TryGetValue(key, out var value)) continue;
            long[] expectedShape = target.shape, actualShape = value.shape;
            if (target.dtype != value.dtype || !expectedShape.AsSpan().SequenceEqual(actualShape))
                mismatches.Add(new StateDictMismatch(key, expectedShape, target.dtype, actualShape, value.dtype));
        }
        if (mismatches.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
            throw new StateDictException(module.GetType().Name, strict ? missing : [], strict ? unexpected : [], mismatches);
        using (no_grad())
        {
            foreach (var (key, target) in own)
                if (source.TryGetValue(key, out var value)) target.copy_(value);
        }
        return new LoadStateDictResult(missing, unexpected);
    }

    /// <summary>
    /// Builds a module from <paramref name="file"/>'s metadata with <paramref name="build"/> (which reads the
    /// architecture from it) and copies the file's tensors into it strictly; the module is disposed if they do not fit.
    /// </summary>
    /// <exception cref="StateDictException">The file's tensors do not fit the module built.</exception>
    public static TModule Rebuild<TModule>(SafeTensorsFile file, Func<IReadOnlyDictionary<string, string>, TModule> build) where TModule : nn.Module
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(build);
        var module = build(file.Metadata);
        try
        {
            module.LoadStateDictChecked(file.Tensors);
            return module;
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }
}
