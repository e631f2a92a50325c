using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>How many tensors this process holds: a diagnostic for leak checks.</summary>
public static class LiveTensors
{
    /// <summary>Tensors created in managed code and not yet disposed or finalized (TorchSharp's own count).</summary>
    public static long Count => Tensor.TotalCount;

    /// <summary>
    /// <see cref="Count"/> once every unreachable tensor has been finalized: runs full garbage collections and waits
    /// for pending finalizers until the count stops changing.
    /// </summary>
    /// <remarks>
    /// For leak checks: a tensor dropped without Dispose is freed by its finalizer whenever the collector gets to it
    /// (in a test run, often one that another test dropped, in the middle of a measurement), so take the baseline
    /// with this, then compare <see cref="Count"/> afterwards. The count is process-wide: nothing else may create or
    /// free tensors meanwhile. Blocks for full collections: a diagnostic, not for production paths.
    /// </remarks>
    public static long SettledCount()
    {
        // Until two passes agree: a finalizer can drop references that make more tensors unreachable, which only the
        // next collection sees. The bound only guards against another thread allocating without pause.
        const int maxPasses = 10;
        long count = Count;
        for (int pass = 0; pass < maxPasses; pass++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long settled = Count;
            if (pass > 0 && settled == count) return settled;
            count = settled;
        }
        return count;
    }
}
