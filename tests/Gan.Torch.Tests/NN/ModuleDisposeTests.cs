using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

[TestClass]
[DoNotParallelize] // the live-tensor count is process-wide: no other test may create or free tensors meanwhile
public sealed class ModuleDisposeTests
{
    [TestMethod]
    public void DisposeReleasesParametersBuffersAndSubmodules()
    {
        long baseline = Tensors.SettledLiveTensorCount();
        var model = new Sequential(new Conv2d(1, 2, 3, padding: 1), new BatchNorm2d(2), new LeakyReLU(0.2),
            new Flatten(), new Linear(2 * 4 * 4, 1));
        Assert.IsTrue(Tensors.LiveTensorCount >= baseline + 9);
        using (Tensors.NewDisposeScope())
        {
            model.Call(Tensors.Randn(2, 1, 4, 4)).Sum().Backward();
        }
        var weight = ((Linear)model[4]).Weight;

        model.Dispose();

        Assert.AreEqual(baseline, Tensors.LiveTensorCount);
        Assert.IsTrue(weight.IsDisposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => weight.Sum());
        model.Dispose();   // idempotent
        Assert.AreEqual(baseline, Tensors.LiveTensorCount);
    }

    [TestMethod]
    public void SequentialForwardFreesItsIntermediatesWithoutAScope()
    {
        using var model = new Sequential(new Linear(3, 3), new ReLU(), new Linear(3, 3), new Tanh());
        using var x = Tensors.Ones(2, 3);
        long baseline = Tensors.SettledLiveTensorCount();
        using (var y = model.Call(x))
            Assert.AreEqual(baseline + 1, Tensors.LiveTensorCount, "only the result is alive");
        Assert.AreEqual(baseline, Tensors.LiveTensorCount);
    }
}
