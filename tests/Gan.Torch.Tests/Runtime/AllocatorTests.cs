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
}
