using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

[TestClass]
public sealed class AllocatorTests
{
    [TestMethod]
    public void ThresholdsOutsideWhatGlibcAcceptsAreRefused()
    {
        StringAssert.Contains(Assert.ThrowsExactly<TorchArgumentException>(() => Tensors.RetainFreedMemory(0)).Message, "thresholds");
        Assert.ThrowsExactly<TorchArgumentException>(() => Tensors.RetainFreedMemory(1L << 20, 4L << 30));
    }

    [TestMethod]
    [DoNotParallelize] // changes the allocator of the whole test process
    public void RetainingFreedMemoryKeepsTensorsWorking()
    {
        Tensors.RetainFreedMemory();
        using var scope = Tensors.NewDisposeScope();
        var big = Tensors.Ones(64, 3, 64, 64) * 2;
        Assert.AreEqual(2.0 * 64 * 3 * 64 * 64, big.Sum().Item<double>());
    }

    [TestMethod]
    [DoNotParallelize] // reads the resident size of the whole test process
    public void ReleasedMemoryGoesBackToTheKernel()
    {
        const int Count = 24;
        const long MiB = 1L << 20;
        // Retained 8 MiB blocks come from the heap; a small block allocated after each (a pin) keeps the freed ones in
        // the middle of the heap, where only a release gives all their pages back, as fragmentation does in a long job
        // (glibc gives some back by itself: how many depends on the arena the test thread got).
        Tensors.RetainFreedMemory();
        long before = ResidentAfterGc();
        var blocks = new List<Tensor>();
        var pins = new List<Tensor>();
        for (int i = 0; i < Count; i++)
        {
            blocks.Add(Tensors.Ones(2L << 20));
            pins.Add(Tensors.Ones(16));
        }
        long held = ResidentAfterGc();
        Assert.IsGreaterThan(before + Count * 7 * MiB, held, "the blocks are resident while alive");
        foreach (var block in blocks) block.Dispose();
        Tensors.ReleaseFreedMemory();
        long released = ResidentAfterGc();
        foreach (var pin in pins) pin.Dispose();
        Assert.IsLessThan(held - Count * 7 * MiB, released, $"released blocks return to the kernel (MiB before {before / MiB}, held {held / MiB}, released {released / MiB})");
    }

    // The process's resident size with the managed heap settled, so that only native memory moves between readings.
    private static long ResidentAfterGc()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
