namespace Gan.Torch.NN;

/// <summary>A module that maps two inputs to an output, e.g. a conditional generator (noise, labels) → images.</summary>
/// <typeparam name="T1">The first input type.</typeparam>
/// <typeparam name="T2">The second input type.</typeparam>
/// <typeparam name="TOut">The output type.</typeparam>
public abstract class Module<T1, T2, TOut> : Module
{
    /// <summary>The computation; read top to bottom like the architecture's figure.</summary>
    public abstract TOut Forward(T1 input1, T2 input2);

    /// <summary>Runs the module on both inputs (PyTorch's <c>module(input1, input2)</c>).</summary>
    public TOut Call(T1 input1, T2 input2) => Forward(input1, input2);
}
