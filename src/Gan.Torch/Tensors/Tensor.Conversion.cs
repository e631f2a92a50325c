using Gan.Torch.Native;

namespace Gan.Torch;

// Copies, dtype and device conversion, and in-place fills.
public partial class Tensor
{
    /// <summary>This tensor converted to <paramref name="dtype"/>; a new reference to the same data when it already is.</summary>
    public Tensor To(DType dtype, bool copy = false)
    {
        var device = Device;
        return Wrap(NativeMethods.gan_tensor_to(Handle, (int)dtype, (int)device.Type, device.Index, Flag(copy), out var r), r);
    }

    /// <summary>This tensor on <paramref name="device"/>; a new reference to the same data when it already is there.</summary>
    public Tensor To(Device device, bool copy = false)
    {
        Tensors.CheckAvailable(device);
        return Wrap(NativeMethods.gan_tensor_to(Handle, (int)DType, (int)device.Type, device.Index, Flag(copy), out var r), r);
    }

    /// <summary>This tensor converted to <paramref name="dtype"/> on <paramref name="device"/>.</summary>
    public Tensor To(DType dtype, Device device, bool copy = false)
    {
        Tensors.CheckAvailable(device);
        return Wrap(NativeMethods.gan_tensor_to(Handle, (int)dtype, (int)device.Type, device.Index, Flag(copy), out var r), r);
    }

    /// <summary>A copy with its own storage; gradients flow back to this tensor.</summary>
    public Tensor Clone() => Wrap(NativeMethods.gan_tensor_clone(Handle, out var r), r);

    /// <summary>This tensor in row-major contiguous layout (itself, as a new reference, when it already is).</summary>
    public Tensor Contiguous() => Wrap(NativeMethods.gan_tensor_contiguous(Handle, out var r), r);

    /// <summary>This tensor laid out densely in <paramref name="format"/> (itself, as a new reference, when it already is).</summary>
    /// <exception cref="TorchException"><see cref="MemoryFormat.ChannelsLast"/> for a tensor that is not 4-D.</exception>
    public Tensor Contiguous(MemoryFormat format) => Wrap(NativeMethods.gan_tensor_contiguous_as(Handle, (int)format, out var r), r);

    /// <summary>True when the elements are laid out densely in <paramref name="format"/>.</summary>
    public bool IsContiguousIn(MemoryFormat format)
    {
        Status.Check(NativeMethods.gan_tensor_is_contiguous_as(Handle, (int)format, out int r));
        return r != 0;
    }

    /// <summary>A new reference to the same data, cut off from the autograd graph.</summary>
    public Tensor Detach() => Wrap(NativeMethods.gan_tensor_detach(Handle, out var r), r);

    /// <summary>A second reference to the same native tensor, with its own lifetime.</summary>
    public Tensor Alias() => Wrap(NativeMethods.gan_tensor_alias(Handle, out var r), r);

    /// <summary>In place: copies (and converts, broadcasting) the elements of <paramref name="source"/> into this tensor.</summary>
    public Tensor CopyInPlace(Tensor source)
    {
        Status.Check(NativeMethods.gan_tensor_copy_(Handle, source.Handle));
        return this;
    }

    /// <summary>In place: sets every element to <paramref name="value"/>.</summary>
    public Tensor FillInPlace(Scalar value)
    {
        Status.Check(NativeMethods.gan_tensor_fill_(Handle, value.Native));
        return this;
    }

    /// <summary>In place: sets every element to zero.</summary>
    public Tensor ZeroInPlace()
    {
        Status.Check(NativeMethods.gan_tensor_zero_(Handle));
        return this;
    }
}
