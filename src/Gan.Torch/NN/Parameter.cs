namespace Gan.Torch.NN;

/// <summary>
/// A tensor that a module learns: it requires gradients, belongs to its module rather than to any
/// <see cref="DisposeScope"/>, and is what optimizers update.
/// </summary>
public sealed class Parameter : Tensor
{
    /// <summary>Makes a parameter holding <paramref name="data"/>'s values (detached from any autograd graph).</summary>
    public Parameter(Tensor data, bool requiresGrad = true) : base(DetachedAlias(data), unscoped: true) =>
        RequiresGrad = requiresGrad;

    /// <summary>An uninitialised Float32 parameter on the default device, for layers to fill with their initialisation.</summary>
    internal static Parameter Empty(params long[] shape)
    {
        using var data = Torch.Empty(shape);
        return new Parameter(data);
    }

    private static IntPtr DetachedAlias(Tensor data)
    {
        using var detached = data.Detach().DetachFromDisposeScope();
        Native.Status.Check(Native.NativeMethods.gan_tensor_alias(detached.Handle, out var r));
        return r;
    }
}
