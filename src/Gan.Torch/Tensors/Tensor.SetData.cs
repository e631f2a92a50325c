using Gan.Torch.Native;

namespace Gan.Torch;

// Swapping the data behind a tensor object (PyTorch's `tensor.data = other`).
public partial class Tensor
{
    /// <summary>
    /// Makes this tensor refer to <paramref name="source"/>'s data — its dtype, device and shape too — while it stays
    /// the same object: autograd still sees the same leaf and every reference to it (an optimizer's list, a module's
    /// field) sees the new data. Modules use it to convert parameters in place.
    /// </summary>
    internal void SetData(Tensor source)
    {
        Status.Check(NativeMethods.gan_tensor_set_data(Handle, source.Handle));
        _shape = null;
        _dtype = null;
    }
}
