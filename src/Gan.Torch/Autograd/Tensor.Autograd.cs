using Gan.Torch.Native;

namespace Gan.Torch;

// Backpropagation entry points on a tensor.
public partial class Tensor
{
    /// <summary>
    /// Accumulates d(this)/d(leaf) into the <see cref="Grad"/> of every leaf that requires gradients. A non-scalar
    /// tensor needs <paramref name="gradient"/> (the vector of the vector-Jacobian product).
    /// </summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false) =>
        Status.Check(NativeMethods.gan_backward(Handle, HandleOrNull(gradient), Flag(retainGraph || createGraph), Flag(createGraph)));

    /// <summary>The accumulated gradient (a new reference each call), or null when none has been computed.</summary>
    public Tensor? Grad
    {
        get
        {
            Status.Check(NativeMethods.gan_tensor_grad(Handle, out var g));
            return g == IntPtr.Zero ? null : new Tensor(g);
        }
        set => Status.Check(NativeMethods.gan_tensor_set_grad(Handle, HandleOrNull(value)));
    }

    /// <summary>Drops the accumulated gradient (PyTorch's zero_grad(set_to_none=True)).</summary>
    public void ZeroGrad() => Grad = null;
}
