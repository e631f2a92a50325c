namespace Gan.Models.Torch;

/// <summary>
/// Trains convolutions on libtorch's own kernels instead of oneDNN's where oneDNN is capped at SSE4.1, for as long as
/// a training run lasts.
/// </summary>
/// <remarks>
/// Under the cap (<see cref="OneDnnIsa"/>) oneDNN's SSE4.1 kernels are slower than libtorch's own (unfold and the BLAS)
/// for the forward and backward passes of the small-image GAN and classifier networks, and faster for the upscalers'
/// wide full-resolution convolutions and for sampling (docs/benchmarks.md), so only those training runs enter this.
/// libtorch reads its flag at every convolution, the backward pass included, and the flag belongs to the process:
/// while a run holds it, another thread's convolutions take libtorch's kernels too — correct, only slower for an
/// upscaler. Runs may overlap; the flag gets its earlier value back when the last one ends. Where oneDNN is not
/// capped, or this libtorch lacks the switch, nothing changes.
/// </remarks>
internal static class TrainingConvolutions
{
    private static readonly object Gate = new();
    private static int _holders;
    private static bool _valueBefore;

    /// <summary>Whether libtorch's own kernels are in use because a training run holds them.</summary>
    public static bool AreNative
    {
        get
        {
            lock (Gate) return _holders > 0;
        }
    }

    /// <summary>
    /// Switches convolutions to libtorch's own kernels where oneDNN is capped, until the returned object is disposed;
    /// elsewhere the returned object does nothing.
    /// </summary>
    /// <exception cref="TorchNativeLibraryException">libtorch cannot be loaded.</exception>
    public static IDisposable NativeWhereOneDnnIsCapped()
    {
        // Loading first decides the cap, which IsCappedAtSse41 then reads once for the process.
        TorchRuntime.EnsureLoaded();
        if (!OneDnnIsa.IsCappedAtSse41) return Held.None;
        lock (Gate)
        {
            if (_holders == 0)
            {
                if (LibTorchContext.MkldnnEnabled() is not { } before || !LibTorchContext.TrySetMkldnnEnabled(false)) return Held.None;
                _valueBefore = before;
            }
            _holders++;
        }
        return new Held(holding: true);
    }

    private static void Release()
    {
        lock (Gate)
        {
            if (--_holders == 0) LibTorchContext.TrySetMkldnnEnabled(_valueBefore);
        }
    }

    // One per holding run; None holds nothing. Disposing twice releases once.
    private sealed class Held(bool holding) : IDisposable
    {
        public static readonly IDisposable None = new Held(holding: false);
        private int _holding = holding ? 1 : 0;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _holding, 0) == 1) Release();
        }
    }
}
