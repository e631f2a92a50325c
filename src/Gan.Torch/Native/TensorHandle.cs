using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

/// <summary>Owns one native at::Tensor reference; releasing it drops libtorch's reference count.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public TensorHandle(IntPtr native) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(native);

    /// <summary>Passes NULL for an optional argument; never released (an invalid handle is never freed).</summary>
    public static readonly TensorHandle Null = new();

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.gan_tensor_free(handle);
        return true;
    }
}
