using Gan.Torch.Native;

namespace Gan.Torch;

/// <summary>Gradients as values (torch.autograd.grad), for gradient penalties and higher-order derivatives.</summary>
public static class Autograd
{
    /// <summary>
    /// d(Σ gradOutputs·outputs)/d(inputs). With <paramref name="createGraph"/> the result is itself differentiable.
    /// An input that does not influence the outputs yields null when <paramref name="allowUnused"/> is set.
    /// </summary>
    public static Tensor?[] Grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor>? gradOutputs = null, bool retainGraph = false, bool createGraph = false,
        bool allowUnused = false)
    {
        if (gradOutputs is not null && gradOutputs.Count != outputs.Count)
            throw new ArgumentException($"{gradOutputs.Count} gradOutputs for {outputs.Count} outputs", nameof(gradOutputs));
        using var outs = new HandleArray(outputs);
        using var ins = new HandleArray(inputs);
        using var gouts = new HandleArray(gradOutputs ?? []);
        var result = new IntPtr[inputs.Count];
        Status.Check(NativeMethods.gan_autograd_grad(outs.Pointers, outputs.Count,
            gradOutputs is null ? null : gouts.Pointers, ins.Pointers, inputs.Count,
            Tensor.Flag(retainGraph || createGraph), Tensor.Flag(createGraph), Tensor.Flag(allowUnused), result));
        return result.Select(p => p == IntPtr.Zero ? null : new Tensor(p)).ToArray();
    }

    /// <summary>The gradient of one output with respect to one input.</summary>
    public static Tensor Grad(Tensor output, Tensor input, Tensor? gradOutput = null, bool retainGraph = false,
        bool createGraph = false) =>
        Grad([output], [input], gradOutput is null ? null : [gradOutput], retainGraph, createGraph)[0]!;
}
