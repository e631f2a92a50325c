using System.Globalization;
using Gan.Torch.NN;

namespace Gan.Torch.Optim;

/// <summary>
/// Updates a fixed list of parameters from their gradients. One optimizer has one learning rate for all its
/// parameters (no parameter groups) and one step counter shared by all of them (PyTorch counts per parameter; the two
/// agree whenever every parameter gets a gradient at every step): create one optimizer per network. The optimizer owns
/// its state buffers (disposed with it), never the parameters.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly IReadOnlyList<Parameter> _readOnlyParameters;
    private double _learningRate;
    private bool _disposed;

    /// <summary>Takes the parameters to update and the learning rate.</summary>
    /// <exception cref="ArgumentException">The list is empty or holds a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lr"/> is negative or not a number.</exception>
    protected Optimizer(IEnumerable<Parameter> parameters, double lr)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToArray();
        if (_parameters.Length == 0)
            throw new ArgumentException("the optimizer got an empty parameter list", nameof(parameters));
        if (_parameters.Distinct(ReferenceEqualityComparer.Instance).Count() != _parameters.Length)
            throw new ArgumentException("a parameter appears more than once; it would be updated twice per step",
                nameof(parameters));
        foreach (var p in _parameters) ArgumentNullException.ThrowIfNull(p, nameof(parameters));
        _learningRate = Hyperparameter.NonNegative(lr, nameof(lr));
        _readOnlyParameters = Array.AsReadOnly(_parameters);
    }

    /// <summary>The optimizer kind recorded in saved states ("Adam", "Sgd").</summary>
    public abstract string Kind { get; }

    /// <summary>The parameters this optimizer updates, in order (state tensors are named by this index).</summary>
    public IReadOnlyList<Parameter> Parameters => _readOnlyParameters;

    /// <summary>The step size (schedulers change it between steps).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not a number.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = Hyperparameter.NonNegative(value, nameof(value));
    }

    /// <summary>The number of completed <see cref="Step"/> calls (restored by <see cref="LoadState"/>).</summary>
    public long StepCount { get; private set; }

    /// <summary>Updates every parameter that has a gradient (parameters without one are left alone), in one native call.</summary>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Update(StepCount + 1);
        StepCount++;
    }

    /// <summary>Drops every parameter's gradient (PyTorch's <c>zero_grad(set_to_none=True)</c>).</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters) p.ZeroGrad();
    }

    /// <summary>Performs update number <paramref name="step"/> (1 for the first).</summary>
    protected abstract void Update(long step);

    /// <summary>The per-parameter buffers that exist now, by buffer name (e.g. "exp_avg"), one tensor per parameter.</summary>
    protected abstract IEnumerable<KeyValuePair<string, Tensor[]>> Buffers { get; }

    /// <summary>The names of the per-parameter buffers this kind of optimizer can have.</summary>
    protected abstract IReadOnlyCollection<string> BufferNames { get; }

    /// <summary>Adds the hyperparameters other than the learning rate to a state's metadata.</summary>
    protected abstract void WriteHyperparameters(IDictionary<string, string> metadata);

    /// <summary>
    /// Restores hyperparameters and buffers from a state the base class has checked (kind, parameters, buffer shapes
    /// and dtypes). Must validate everything before changing anything.
    /// </summary>
    /// <param name="metadata">The state's metadata.</param>
    /// <param name="buffers">The state's buffers by name, one tensor per parameter; names are among <see cref="BufferNames"/>.</param>
    /// <exception cref="OptimizerStateException">An entry is missing or malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter is out of range.</exception>
    protected abstract void Restore(IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, Tensor[]> buffers);

    /// <summary>A copy of the optimizer's state (buffers cloned), to save or to restore later.</summary>
    public OptimizerState GetState()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var metadata = new Dictionary<string, string>
        {
            [OptimizerState.KindKey] = Kind,
            [OptimizerState.StepKey] = StepCount.ToString(CultureInfo.InvariantCulture),
            [OptimizerState.LearningRateKey] = Hyperparameter.Format(_learningRate),
            [OptimizerState.ParameterCountKey] = _parameters.Length.ToString(CultureInfo.InvariantCulture),
            [OptimizerState.ParameterShapesKey] = ShapesText(_parameters.Select(p => p.Shape)),
        };
        WriteHyperparameters(metadata);
        var tensors = new OrderedDictionary<string, Tensor>();
        try
        {
            using var noGrad = Torch.NoGrad();
            for (int i = 0; i < _parameters.Length; i++)
                foreach (var (name, buffer) in Buffers)
                    tensors.Add(BufferKey(i, name), buffer[i].Clone().DetachFromDisposeScope());
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        return OptimizerState.Owning(tensors, metadata);
    }

    /// <summary>
    /// Restores a state from <see cref="GetState"/> (possibly through a file), including step count and hyperparameters,
    /// so that training continues exactly as if it had not been interrupted. Nothing changes when it throws.
    /// </summary>
    /// <exception cref="OptimizerStateException">The state comes from another optimizer kind, has another number or
    /// shape of parameters, or has missing, unknown or malformed entries.</exception>
    public void LoadState(OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var metadata = state.Metadata;
        if (state.Kind != Kind)
            throw new OptimizerStateException($"the state was saved by a {state.Kind ?? "(unknown)"} optimizer, not {Kind}");
        string count = Required(metadata, OptimizerState.ParameterCountKey);
        if (count != _parameters.Length.ToString(CultureInfo.InvariantCulture))
            throw new OptimizerStateException($"the state is for {count} parameters but this optimizer has {_parameters.Length}");
        string shapes = ShapesText(_parameters.Select(p => p.Shape));
        if (Required(metadata, OptimizerState.ParameterShapesKey) != shapes)
            throw new OptimizerStateException($"the state is for parameters shaped {metadata[OptimizerState.ParameterShapesKey]} " +
                                              $"but this optimizer's are {shapes}");
        long step = state.StepCount;
        double lr = ParseDouble(metadata, OptimizerState.LearningRateKey);
        var buffers = GroupBuffers(state.Tensors);
        try
        {
            Hyperparameter.NonNegative(lr, OptimizerState.LearningRateKey);
            Restore(metadata, buffers);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new OptimizerStateException($"the state holds an invalid hyperparameter: {e.Message}", e);
        }
        _learningRate = lr;
        StepCount = step;
    }

    private Dictionary<string, Tensor[]> GroupBuffers(IReadOnlyDictionary<string, Tensor> tensors)
    {
        var buffers = new Dictionary<string, Tensor[]>();
        foreach (var (key, tensor) in tensors)
        {
            int dot = key.IndexOf('.');
            string name = dot < 0 ? "" : key[(dot + 1)..];
            if (dot < 0 || !int.TryParse(key.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int index) ||
                index >= _parameters.Length || !BufferNames.Contains(name) || key != BufferKey(index, name))
                throw new OptimizerStateException($"the state holds a tensor \"{key}\" that a {Kind} optimizer over " +
                                                  $"{_parameters.Length} parameters does not have");
            var p = _parameters[index];
            if (!tensor.Shape.AsSpan().SequenceEqual(p.Shape) || tensor.DType != p.DType)
                throw new OptimizerStateException($"state tensor \"{key}\" is {tensor.ShapeText} {tensor.DType} but parameter " +
                                                  $"{index} is {p.ShapeText} {p.DType}");
            if (!buffers.TryGetValue(name, out var slot)) buffers[name] = slot = new Tensor[_parameters.Length];
            slot[index] = tensor;
        }
        foreach (var (name, slot) in buffers)
        {
            int missing = Array.IndexOf(slot, null);
            if (missing >= 0)
                throw new OptimizerStateException($"the state lacks tensor \"{BufferKey(missing, name)}\"");
        }
        return buffers;
    }

    /// <summary>A metadata entry that must be present.</summary>
    /// <exception cref="OptimizerStateException">The entry is missing.</exception>
    protected static string Required(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value
            : throw new OptimizerStateException($"the optimizer state lacks the \"{key}\" entry");

    /// <summary>A metadata entry holding a number written by <see cref="GetState"/>.</summary>
    /// <exception cref="OptimizerStateException">The entry is missing or not a number.</exception>
    protected static double ParseDouble(IReadOnlyDictionary<string, string> metadata, string key) =>
        double.TryParse(Required(metadata, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
            : throw new OptimizerStateException($"the optimizer state's \"{key}\" entry is not a number: {metadata[key]}");

    /// <summary>A metadata entry holding "true" or "false".</summary>
    /// <exception cref="OptimizerStateException">The entry is missing or not a boolean.</exception>
    protected static bool ParseBool(IReadOnlyDictionary<string, string> metadata, string key) =>
        Required(metadata, key) switch
        {
            "true" => true,
            "false" => false,
            var other => throw new OptimizerStateException($"the optimizer state's \"{key}\" entry is not true or false: {other}"),
        };

    /// <summary>Zero-filled tensors shaped like each parameter, owned by the optimizer rather than any dispose scope.</summary>
    protected Tensor[] ZerosLikeParameters() =>
        _parameters.Select(p => Torch.ZerosLike(p).DetachFromDisposeScope()).ToArray();

    private static string BufferKey(int index, string name) => $"{index.ToString(CultureInfo.InvariantCulture)}.{name}";

    private static string ShapesText(IEnumerable<long[]> shapes) =>
        string.Join(";", shapes.Select(s => "[" + string.Join(",", s.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]"));

    /// <summary>Disposes the state buffers (not the parameters).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the subclass's buffers.</summary>
    protected abstract void Dispose(bool disposing);
}
