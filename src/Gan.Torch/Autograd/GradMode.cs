using Gan.Torch.Native;

namespace Gan.Torch;

/// <summary>
/// Restores the previous gradient-recording mode of the calling thread when disposed. Returned by
/// <see cref="Tensors.NoGrad"/> and <see cref="Tensors.EnableGrad"/>; use with <c>using</c> on one thread.
/// </summary>
public readonly struct GradModeScope : IDisposable
{
    private readonly bool _previous;
    private readonly bool _entered; // false for default(GradModeScope), whose Dispose must change nothing

    internal GradModeScope(bool enabled)
    {
        _previous = NativeMethods.gan_is_grad_enabled() != 0;
        _entered = true;
        NativeMethods.gan_set_grad_enabled(enabled ? 1 : 0);
    }

    /// <summary>Restores the previous mode.</summary>
    public void Dispose()
    {
        if (_entered) NativeMethods.gan_set_grad_enabled(_previous ? 1 : 0);
    }
}

/// <summary>
/// libtorch's inference mode for the calling thread: like no-grad, and cheaper, but tensors made inside cannot be
/// used in autograd later. Dispose on the thread that created it.
/// </summary>
public sealed class InferenceModeScope : IDisposable
{
    private IntPtr _guard;

    internal InferenceModeScope(bool enabled) =>
        Status.Check(NativeMethods.gan_inference_mode_enter(enabled ? 1 : 0, out _guard));

    /// <summary>Leaves inference mode.</summary>
    public void Dispose()
    {
        if (_guard == IntPtr.Zero) return;
        NativeMethods.gan_inference_mode_exit(_guard);
        _guard = IntPtr.Zero;
    }
}
