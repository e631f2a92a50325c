using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>
/// The contents of a safetensors file: CPU tensors in header order and the string metadata.
/// </summary>
/// <remarks>
/// The tensors belong to this object, not to any dispose scope; disposing it disposes them (keep one beyond that
/// with <c>clone()</c>).
/// </remarks>
public sealed class SafeTensorsFile : IDisposable
{
    private readonly OrderedDictionary<string, Tensor> _tensors;

    internal SafeTensorsFile(OrderedDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        _tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The tensors by name, in the order of the file's header.</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors => _tensors;

    /// <summary>The <c>__metadata__</c> entries (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensor called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The file holds no such tensor.</exception>
    public Tensor this[string name] =>
        _tensors.TryGetValue(name, out var t) ? t
            : throw new KeyNotFoundException($"the file holds no tensor \"{name}\" (it holds: {string.Join(", ", _tensors.Keys)})");

    /// <summary>Disposes every tensor.</summary>
    public void Dispose()
    {
        foreach (var t in _tensors.Values) t.Dispose();
    }
}
