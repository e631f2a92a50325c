namespace Gan.Torch.NN;

/// <summary>A module that maps one input to an output, e.g. a layer (Tensor → Tensor).</summary>
/// <typeparam name="TIn">The input type.</typeparam>
/// <typeparam name="TOut">The output type.</typeparam>
public abstract class Module<TIn, TOut> : Module
{
    /// <summary>The computation; read top to bottom like the architecture's figure.</summary>
    public abstract TOut Forward(TIn input);

    /// <summary>Runs the module on <paramref name="input"/> (PyTorch's <c>module(input)</c>).</summary>
    public TOut Call(TIn input) => Forward(input);
}
