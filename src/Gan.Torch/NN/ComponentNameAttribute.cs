namespace Gan.Torch.NN;

/// <summary>
/// Names the parameter, buffer or submodule held by a module's field, overriding the default name (the field name
/// without its leading underscore). Use it where PyTorch's snake_case key differs, e.g.
/// <c>[ComponentName("running_mean")] private readonly Tensor _runningMean;</c>, so that state-dict keys match
/// PyTorch's. On an auto-property, target its backing field: <c>[field: ComponentName("fc")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ComponentNameAttribute(string name) : Attribute
{
    /// <summary>The registered name (a state-dict key segment).</summary>
    public string Name { get; } = name;
}
