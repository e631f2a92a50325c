using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

[TestClass]
public sealed class ModuleDisposeTests
{
    private static long QuietLiveTensorCount()
    {
        // Finalizers of other tests' undisposed tensors must not run during the measurement.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return Torch.LiveTensorCount;
    }

    [TestMethod]
    [DoNotParallelize]
    public void DisposeReleasesParametersBuffersAndSubmodules()
    {
        long baseline = QuietLiveTensorCount();
        var model = new Sequential(new Conv2d(1, 2, 3, padding: 1), new BatchNorm2d(2), new LeakyReLU(0.2),
            new Flatten(), new Linear(2 * 4 * 4, 1));
        Assert.IsTrue(Torch.LiveTensorCount >= baseline + 9);
        using (Torch.NewDisposeScope())
        {
            model.Call(Torch.Randn(2, 1, 4, 4)).Sum().Backward();
        }
        var weight = ((Linear)model[4]).Weight;

        model.Dispose();

        Assert.AreEqual(baseline, Torch.LiveTensorCount);
        Assert.IsTrue(weight.IsDisposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => weight.Sum());
        model.Dispose();   // idempotent
        Assert.AreEqual(baseline, Torch.LiveTensorCount);
    }

    [TestMethod]
    [DoNotParallelize]
    public void SequentialForwardFreesItsIntermediatesWithoutAScope()
    {
        using var model = new Sequential(new Linear(3, 3), new ReLU(), new Linear(3, 3), new Tanh());
        using var x = Torch.Ones(2, 3);
        long baseline = QuietLiveTensorCount();
        using (var y = model.Call(x))
            Assert.AreEqual(baseline + 1, Torch.LiveTensorCount, "only the result is alive");
        Assert.AreEqual(baseline, Torch.LiveTensorCount);
    }
}
