using Gan.Torch;

namespace Gan.Torch.Tests.Ops;

/// <summary>The autograd entry points with hand-derived derivatives: accumulation, seeds, graph lifetime, grad modes.</summary>
[TestClass]
public sealed class AutogradTests
{
    private static Tensor Leaf(params double[] values) => Tensors.FromArray(values).RequiresGrad_();

    [TestMethod]
    public void BackwardAccumulatesIntoGradUntilZeroed()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Leaf(1.0, -2.0, 3.0);
        x.Square().Sum().Backward();
        CollectionAssert.AreEqual(new[] { 2.0, -4.0, 6.0 }, x.Grad!.ToArray<double>());
        x.Mul(3.0).Sum().Backward();
        CollectionAssert.AreEqual(new[] { 5.0, -1.0, 9.0 }, x.Grad!.ToArray<double>());
        x.ZeroGrad();
        Assert.IsNull(x.Grad);
    }

    [TestMethod]
    public void BackwardOfANonScalarTakesTheSeedGradient()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Leaf(1.0, 2.0);
        x.Square().Backward(Tensors.FromArray(new[] { 10.0, -1.0 }));
        CollectionAssert.AreEqual(new[] { 20.0, -4.0 }, x.Grad!.ToArray<double>());
        var e = Assert.ThrowsExactly<TorchException>(() => Leaf(1.0, 2.0).Square().Backward());
        Assert.Contains("grad can be implicitly created only for scalar outputs", e.Message);
    }

    [TestMethod]
    public void TheGraphIsFreedAfterBackwardUnlessRetained()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Leaf(2.0);
        var y = x.Exp().Sum();
        y.Backward(retainGraph: true);
        y.Backward();
        Assert.AreEqual(2 * Math.Exp(2.0), x.Grad!.Item<double>(), 1e-12);
        var e = Assert.ThrowsExactly<TorchException>(() => y.Backward());
        Assert.Contains("Trying to backward through the graph a second time", e.Message);
    }

    [TestMethod]
    public void GradWithGradOutputsIsAVectorJacobianProduct()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Leaf(1.0, 2.0);
        var w = Leaf(3.0);
        var y = x.Mul(w); // dy_i/dx_i = w, dy_i/dw = x_i
        var grads = Autograd.Grad([y], [x, w], [Tensors.FromArray(new[] { 1.0, 0.5 })]);
        CollectionAssert.AreEqual(new[] { 3.0, 1.5 }, grads[0]!.ToArray<double>());
        Assert.AreEqual(2.0, grads[1]!.Item<double>());
        Assert.IsNull(x.Grad, "Autograd.Grad does not accumulate into .Grad");
    }

    [TestMethod]
    public void CreateGraphGivesHigherDerivatives()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Leaf(2.0);
        var cube = x.Pow(3).Sum();
        var first = Autograd.Grad(cube, x, createGraph: true);   // 3x² = 12
        var second = Autograd.Grad(first.Sum(), x, createGraph: true); // 6x = 12
        var third = Autograd.Grad(second.Sum(), x);             // 6
        Assert.AreEqual(12.0, first.Item<double>());
        Assert.AreEqual(12.0, second.Item<double>());
        Assert.AreEqual(6.0, third.Item<double>());
    }

    [TestMethod]
    public void UnusedInputsNeedAllowUnused()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Leaf(1.0);
        var unused = Leaf(1.0);
        var e = Assert.ThrowsExactly<TorchException>(() => Autograd.Grad([x.Exp().Sum()], [x, unused]));
        Assert.Contains("One of the differentiated Tensors appears to not have been used in the graph", e.Message);
        var grads = Autograd.Grad([x.Exp().Sum()], [x, unused], allowUnused: true);
        Assert.IsNull(grads[1]);
    }

    [TestMethod]
    public void NoGradAndInferenceModeBuildNoGraph()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Leaf(1.0);
        using (Tensors.NoGrad())
        {
            Assert.IsFalse(Tensors.IsGradEnabled);
            Assert.IsFalse(x.Exp().RequiresGrad);
            using (Tensors.EnableGrad()) Assert.IsTrue(x.Exp().RequiresGrad);
        }
        Assert.IsTrue(Tensors.IsGradEnabled);
        using (Tensors.InferenceMode())
        {
            Assert.IsTrue(Tensors.IsInferenceModeEnabled);
            Assert.IsFalse(x.Exp().RequiresGrad);
        }
        Assert.IsFalse(Tensors.IsInferenceModeEnabled);
        Assert.IsTrue(x.Exp().RequiresGrad);
    }

    [TestMethod]
    public void DetachStopsGradients()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Leaf(3.0);
        var y = x.Mul(x.Detach()).Sum(); // d/dx (x·c) = c = 3, not 2x = 6
        Assert.AreEqual(3.0, Autograd.Grad(y, x).Item<double>());
    }
}
