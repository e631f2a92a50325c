using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

/// <summary>Owns one native at::Generator.</summary>
internal sealed class GeneratorHandle : SafeHandle
{
    public GeneratorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    /// <summary>Passes NULL for an optional argument; never released (an invalid handle is never freed).</summary>
    public static readonly GeneratorHandle Null = new();

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.gan_generator_free(handle);
        return true;
    }
}
