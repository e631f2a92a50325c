using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

[TestClass]
public sealed class GradModeTests
{
    [TestMethod]
    public void NoGradStopsRecordingAndRestoresThePreviousMode()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.Ones(2).RequiresGrad_();
        Assert.IsTrue(Tensors.IsGradEnabled);
        using (Tensors.NoGrad())
        {
            Assert.IsFalse((x * 2).RequiresGrad);
            using (Tensors.EnableGrad()) Assert.IsTrue((x * 2).RequiresGrad);
            Assert.IsFalse(Tensors.IsGradEnabled);
        }
        Assert.IsTrue(Tensors.IsGradEnabled);
        Assert.IsTrue((x * 2).RequiresGrad);
    }

    [TestMethod]
    public void ADefaultScopeChangesNothing()
    {
        default(GradModeScope).Dispose();
        Assert.IsTrue(Tensors.IsGradEnabled);
    }

    [TestMethod]
    public void InferenceModeProducesTensorsWithoutHistory()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.Ones(2).RequiresGrad_();
        using (Tensors.InferenceMode())
        {
            Assert.IsTrue(Tensors.IsInferenceModeEnabled);
            Assert.IsFalse((x * 3).RequiresGrad);
        }
        Assert.IsFalse(Tensors.IsInferenceModeEnabled);
    }

    [TestMethod]
    public void BackwardWithAnExplicitGradientComputesAVectorJacobianProduct()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.FromArray(new[] { 1.0, 2.0, 3.0 }).RequiresGrad_();
        var y = x.Square();
        y.Backward(Tensors.FromArray(new[] { 1.0, 10.0, 100.0 }));
        CollectionAssert.AreEqual(new[] { 2.0, 40.0, 600.0 }, x.Grad!.ToArray<double>());
        Assert.IsTrue(x.IsLeaf);
        Assert.IsFalse(y.IsLeaf);
    }

    [TestMethod]
    public void GradientsAccumulateUntilCleared()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.FromArray(new[] { 2.0 }).RequiresGrad_();
        (x * 3).Sum().Backward();
        (x * 3).Sum().Backward();
        Assert.AreEqual(6.0, x.Grad!.Item<double>());
        x.ZeroGrad();
        Assert.IsNull(x.Grad);
    }

    [TestMethod]
    public void CreateGraphGivesDifferentiableGradientsForPenalties()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.FromArray(new[] { 1.0, -2.0 }).RequiresGrad_();
        var y = x.Pow(3).Sum();
        var dy = Autograd.Grad(y, x, createGraph: true);           // 3x²
        CollectionAssert.AreEqual(new[] { 3.0, 12.0 }, dy.ToArray<double>());
        var penalty = dy.Square().Sum();                          // Σ 9x⁴ → d/dx = 36x³
        penalty.Backward();
        CollectionAssert.AreEqual(new[] { 36.0, -288.0 }, x.Grad!.ToArray<double>());
    }

    [TestMethod]
    public void UnusedInputsYieldNullOnlyWhenAllowed()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.Ones(2).RequiresGrad_();
        var unused = Tensors.Ones(2).RequiresGrad_();
        var grads = Autograd.Grad([x.Sum()], [x, unused], allowUnused: true);
        Assert.IsNotNull(grads[0]);
        Assert.IsNull(grads[1]);
        var e = Assert.ThrowsExactly<TorchException>(() => Autograd.Grad([x.Sum()], [unused]));
        StringAssert.Contains(e.Message, "not have been used");
    }
}
