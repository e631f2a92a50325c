using System.Globalization;

namespace Gan.Torch.Optim;

/// <summary>
/// A snapshot of an optimizer: its per-parameter buffers as named tensors (<c>"0.exp_avg"</c>, <c>"0.exp_avg_sq"</c>,
/// … by parameter index) and its scalars as strings (kind, step count, hyperparameters, parameter shapes). Both halves
/// map directly onto a safetensors file: <c>SafeTensors.Save(state.Tensors, path, state.Metadata)</c>, and back with
/// <c>new OptimizerState(file.Tensors, file.Metadata)</c>. The state owns its tensors; dispose it.
/// </summary>
public sealed class OptimizerState : IDisposable
{
    /// <summary>Metadata key of the optimizer kind (e.g. "Adam").</summary>
    public const string KindKey = "kind";
    /// <summary>Metadata key of the number of steps taken.</summary>
    public const string StepKey = "step";
    /// <summary>Metadata key of the learning rate.</summary>
    public const string LearningRateKey = "lr";
    /// <summary>Metadata key of the number of parameters.</summary>
    public const string ParameterCountKey = "parameter_count";
    /// <summary>Metadata key of the parameter shapes, e.g. "[2,3];[3]".</summary>
    public const string ParameterShapesKey = "parameter_shapes";

    private readonly OrderedDictionary<string, Tensor> _tensors;
    private readonly Dictionary<string, string> _metadata;

    /// <summary>
    /// A state over <paramref name="tensors"/> (new references to the same data, so the caller keeps ownership of
    /// the originals) and a copy of <paramref name="metadata"/> — typically the contents of a safetensors file.
    /// </summary>
    public OptimizerState(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(metadata);
        _tensors = new OrderedDictionary<string, Tensor>();
        try
        {
            foreach (var (name, tensor) in tensors) _tensors.Add(name, tensor.Alias().DetachFromDisposeScope());
        }
        catch
        {
            Dispose();
            throw;
        }
        _metadata = new Dictionary<string, string>(metadata);
    }

    private OptimizerState(OrderedDictionary<string, Tensor> ownedTensors, Dictionary<string, string> metadata)
    {
        _tensors = ownedTensors;
        _metadata = metadata;
    }

    /// <summary>Wraps tensors that the state takes ownership of.</summary>
    internal static OptimizerState Owning(OrderedDictionary<string, Tensor> tensors, Dictionary<string, string> metadata) =>
        new(tensors, metadata);

    /// <summary>The per-parameter buffers, named <c>"{parameter index}.{buffer}"</c>.</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors => _tensors;

    /// <summary>The scalars: kind, step count, learning rate, other hyperparameters and parameter shapes.</summary>
    public IReadOnlyDictionary<string, string> Metadata => _metadata;

    /// <summary>The optimizer kind that produced this state, or null when the metadata lacks it.</summary>
    public string? Kind => _metadata.GetValueOrDefault(KindKey);

    /// <summary>The number of steps taken when the state was saved.</summary>
    /// <exception cref="OptimizerStateException">The metadata lacks a valid step count.</exception>
    public long StepCount =>
        _metadata.TryGetValue(StepKey, out var text) &&
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            ? step
            : throw new OptimizerStateException($"the optimizer state has no valid \"{StepKey}\" entry");

    /// <summary>Disposes the tensors.</summary>
    public void Dispose()
    {
        foreach (var tensor in _tensors.Values) tensor.Dispose();
    }
}
