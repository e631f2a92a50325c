using System.Collections.Concurrent;
using System.Reflection;

namespace Gan.Torch.NN;

/// <summary>
/// A neural-network building block that owns parameters, buffers and submodules (PyTorch's <c>nn.Module</c>).
/// A module is a class whose fields are its components: the constructor creates them and calls
/// <see cref="RegisterComponents"/> once, which registers every non-null field of type <see cref="Module"/> as a
/// submodule, <see cref="Parameter"/> as a parameter and any other <see cref="Tensor"/> as a buffer, in declaration
/// order (base classes first), named after the field without its leading underscore (or by
/// <see cref="ComponentNameAttribute"/>). Dotted names, state-dict keys and their order are PyTorch's for the same
/// structure. Reassigning a field after registration is not tracked (convert in place with <see cref="To(DType)"/>),
/// and collections of modules in a field are not looked into (use <see cref="Sequential"/> or <see cref="RegisterModule"/>).
/// Disposing a module disposes its parameters, buffers and submodules.
/// </summary>
public abstract partial class Module : IDisposable
{
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> ComponentFieldsByType = new();

    private readonly OrderedDictionary<string, Module> _children = new();
    private readonly OrderedDictionary<string, Parameter> _parameters = new();
    private readonly OrderedDictionary<string, Tensor> _buffers = new();
    private readonly HashSet<string> _nonPersistentBuffers = new();
    private readonly Dictionary<string, int> _fieldOrder = new();
    private bool _training = true;
    private bool _disposed;

    /// <summary>True in training mode (the default), false in evaluation mode; see <see cref="Train"/>.</summary>
    public bool IsTraining => _training;

    /// <summary>
    /// Registers the fields of the concrete type (and its base types, base first) that hold components; null fields
    /// are skipped. Call it at the end of the constructor. Calling it again registers only fields not registered yet,
    /// still in declaration order, so a base class and a derived class may both call it.
    /// </summary>
    /// <exception cref="ArgumentException">A name is already used by another component, or contains '.'.</exception>
    protected void RegisterComponents()
    {
        var fields = ComponentFieldsByType.GetOrAdd(GetType(), FindComponentFields);
        for (int order = 0; order < fields.Length; order++)
        {
            object? value = fields[order].GetValue(this);
            if (value is null) continue;
            string name = ComponentName(fields[order]);
            if (IsRegisteredAs(name, value)) continue;
            CheckNewName(name);
            switch (value)
            {
                case Module module when ReferenceEquals(module, this):
                    throw new ArgumentException($"field '{fields[order].Name}' refers to the module itself");
                case Module module: InsertInFieldOrder(_children, name, module, order); break;
                case Parameter parameter: InsertInFieldOrder(_parameters, name, parameter, order); break;
                case Tensor buffer:
                    buffer.DetachFromDisposeScope();
                    InsertInFieldOrder(_buffers, name, buffer, order);
                    break;
            }
            _fieldOrder[name] = order;
        }
    }

    // A field registered by a later call (e.g. a derived constructor's, after the base constructor's) still takes its
    // place in declaration order; explicitly registered components count as earlier.
    private void InsertInFieldOrder<T>(OrderedDictionary<string, T> registry, string name, T value, int order)
    {
        int index = 0;
        while (index < registry.Count &&
               (!_fieldOrder.TryGetValue(registry.GetAt(index).Key, out int other) || other < order))
            index++;
        registry.Insert(index, name, value);
    }

    /// <summary>Registers <paramref name="module"/> as the submodule <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty, contains '.', or is already used.</exception>
    protected void RegisterModule(string name, Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (ReferenceEquals(module, this)) throw new ArgumentException("a module cannot be its own submodule", nameof(module));
        CheckNewName(name);
        _children.Add(name, module);
    }

    /// <summary>Registers <paramref name="parameter"/> as the parameter <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty, contains '.', or is already used.</exception>
    protected void RegisterParameter(string name, Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        CheckNewName(name);
        _parameters.Add(name, parameter);
    }

    /// <summary>
    /// Registers <paramref name="buffer"/> (state that is not learned, e.g. running statistics) as the buffer
    /// <paramref name="name"/>; the module takes it out of any dispose scope and owns it from now on. A non-persistent
    /// buffer is converted with the module but left out of <see cref="StateDict"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, contains '.', or is already used.</exception>
    protected void RegisterBuffer(string name, Tensor buffer, bool persistent = true)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        CheckNewName(name);
        buffer.DetachFromDisposeScope();
        _buffers.Add(name, buffer);
        if (!persistent) _nonPersistentBuffers.Add(name);
    }

    private bool IsRegisteredAs(string name, object value) =>
        (_children.TryGetValue(name, out var m) && ReferenceEquals(m, value)) ||
        (_parameters.TryGetValue(name, out var p) && ReferenceEquals(p, value)) ||
        (_buffers.TryGetValue(name, out var b) && ReferenceEquals(b, value));

    private void CheckNewName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('.'))
            throw new ArgumentException($"component name '{name}' must not contain '.' (dots separate levels of the hierarchy)", nameof(name));
        if (_children.ContainsKey(name) || _parameters.ContainsKey(name) || _buffers.ContainsKey(name))
            throw new ArgumentException($"{GetType().Name} already has a component named '{name}'", nameof(name));
    }

    private static FieldInfo[] FindComponentFields(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(Module); t = t.BaseType) chain.Add(t);
        chain.Reverse();
        return chain
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .OrderBy(f => f.MetadataToken))
            .Where(f => typeof(Module).IsAssignableFrom(f.FieldType) || typeof(Tensor).IsAssignableFrom(f.FieldType))
            .ToArray();
    }

    private static string ComponentName(FieldInfo field)
    {
        if (field.GetCustomAttribute<ComponentNameAttribute>() is { } attribute) return attribute.Name;
        string name = field.Name;
        // An auto-property's backing field is called "<Name>k__BackingField".
        if (name.StartsWith('<') && name.IndexOf('>') is > 1 and var end) return name[1..end];
        return name.StartsWith('_') ? name[1..] : name;
    }

    /// <summary>The direct submodules with their names, in registration order.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren()
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        foreach (var (name, child) in _children)
            if (seen.Add(child)) yield return (name, child);
    }

    /// <summary>This module (named "") and every submodule below it, depth first, each once, with dotted names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules()
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        return NamedModules("", seen);
    }

    private IEnumerable<(string Name, Module Module)> NamedModules(string prefix, HashSet<Module> seen)
    {
        if (!seen.Add(this)) yield break;
        yield return (prefix, this);
        foreach (var (name, child) in _children)
            foreach (var entry in child.NamedModules(Join(prefix, name), seen))
                yield return entry;
    }

    /// <summary>Every parameter of this module and its submodules with dotted names (e.g. <c>0.weight</c>), each once.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters()
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (prefix, module) in NamedModules())
            foreach (var (name, parameter) in module._parameters)
                if (seen.Add(parameter)) yield return (Join(prefix, name), parameter);
    }

    /// <summary>Every parameter of this module and its submodules, each once: what an optimizer updates.</summary>
    public IEnumerable<Parameter> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <summary>Every buffer (persistent or not) of this module and its submodules with dotted names, each once.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers()
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (prefix, module) in NamedModules())
            foreach (var (name, buffer) in module._buffers)
                if (seen.Add(buffer)) yield return (Join(prefix, name), buffer);
    }

    /// <summary>Every buffer of this module and its submodules, each once.</summary>
    public IEnumerable<Tensor> Buffers() => NamedBuffers().Select(b => b.Buffer);

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    /// <summary>Switches this module and every submodule to training mode (or to evaluation mode when <paramref name="on"/> is false).</summary>
    public void Train(bool on = true)
    {
        foreach (var (_, module) in NamedModules()) module._training = on;
    }

    /// <summary>Switches this module and every submodule to evaluation mode: dropout off, batch norm on running statistics.</summary>
    public void Eval() => Train(false);

    /// <summary>Drops the gradient of every parameter (PyTorch's zero_grad with set_to_none=True).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.ZeroGrad();
    }

    /// <summary>
    /// Converts every floating-point parameter and buffer (and gradient) to <paramref name="dtype"/> in place: the
    /// tensor objects stay the same, so references held elsewhere (an optimizer's parameter list) remain valid.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="dtype"/> is not a floating-point type.</exception>
    public void To(DType dtype)
    {
        if (!dtype.IsFloatingPoint())
            throw new ArgumentException($"modules convert to floating-point dtypes only, got {dtype}", nameof(dtype));
        ConvertInPlace(t => t.DType.IsFloatingPoint() && t.DType != dtype ? t.To(dtype) : null);
    }

    /// <summary>Moves every parameter and buffer (and gradient) to <paramref name="device"/> in place, keeping the tensor objects.</summary>
    public void To(Device device) => ConvertInPlace(t => t.Device != device ? t.To(device) : null);

    /// <summary>
    /// Lays every 4-D parameter and buffer (and gradient) out in <paramref name="format"/> in place, keeping the tensor
    /// objects and their values (PyTorch's <c>module.to(memory_format=...)</c>): with <see cref="MemoryFormat.ChannelsLast"/>
    /// weights and input, libtorch's CPU convolutions skip converting each activation to oneDNN's layout and back.
    /// </summary>
    public void To(MemoryFormat format) => ConvertInPlace(t => t.Dim == 4 && !t.IsContiguousIn(format) ? t.Contiguous(format) : null);

    // convert returns null when a tensor needs no change.
    private void ConvertInPlace(Func<Tensor, Tensor?> convert)
    {
        using var noGrad = Tensors.NoGrad();
        var tensors = Parameters().Cast<Tensor>().Concat(Buffers()).ToList();
        foreach (var tensor in tensors)
        {
            using (var converted = convert(tensor))
                if (converted is not null) tensor.SetData(converted);
            using var grad = tensor.Grad;
            if (grad is null) continue;
            using var convertedGrad = convert(grad);
            if (convertedGrad is not null) grad.SetData(convertedGrad);
        }
    }

    /// <summary>Disposes the parameters, buffers and submodules; the module is unusable afterwards.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the components; derived modules holding other disposables override it and call the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing) return;
        _disposed = true;
        foreach (var (_, p) in _parameters) p.Dispose();
        foreach (var (_, b) in _buffers) b.Dispose();
        foreach (var (_, m) in _children) m.Dispose();
    }
}
