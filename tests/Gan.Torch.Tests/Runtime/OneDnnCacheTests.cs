namespace Gan.Torch.Tests.Runtime;

[TestClass]
[DoNotParallelize] // the capacity is process-wide
public sealed class OneDnnCacheTests
{
    [TestMethod]
    public void TheCapacityIsSetAndReadBackAndConvolutionsStillRun()
    {
        int before = Tensors.OneDnnPrimitiveCacheCapacity;
        try
        {
            Tensors.OneDnnPrimitiveCacheCapacity = 3;
            Assert.AreEqual(3, Tensors.OneDnnPrimitiveCacheCapacity);
            using var scope = Tensors.NewDisposeScope();
            var weight = Tensors.Ones(4, 2, 3, 3);
            for (int side = 5; side < 10; side++) // more shapes than the cache holds
            {
                var output = Gan.Torch.NN.Functional.Conv2d(Tensors.Ones(1, 2, side, side), weight, null, (1, 1), (1, 1));
                Assert.AreEqual(18.0, output[0][0][2][2].Item<float>(), 1e-5, "an inner pixel sums 2 × 9 ones");
            }
        }
        finally
        {
            Tensors.OneDnnPrimitiveCacheCapacity = before;
        }
        Assert.AreEqual(before, Tensors.OneDnnPrimitiveCacheCapacity);
    }

    [TestMethod]
    public void ANegativeCapacityIsRefused() =>
        StringAssert.Contains(Assert.ThrowsExactly<TorchArgumentException>(() => Tensors.OneDnnPrimitiveCacheCapacity = -1).Message, "capacity");
}
