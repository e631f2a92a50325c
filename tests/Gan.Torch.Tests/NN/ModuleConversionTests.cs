using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

[TestClass]
public sealed class ModuleConversionTests
{
    [TestMethod]
    public void ToDTypeConvertsParametersInPlaceKeepingTheirIdentity()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = new Sequential(new Linear(3, 2), new BatchNorm1d(2));
        var linear = (Linear)model[0];
        var weight = linear.Weight;
        var held = model.Parameters().ToList();   // what an optimizer would hold
        var before = weight.ToArray<float>();
        model.Call(Torch.Randn(4, 3)).Sum().Backward();

        model.To(DType.Float64);

        Assert.AreSame(weight, linear.Weight);
        CollectionAssert.AreEqual(held, model.Parameters().ToList());
        Assert.IsTrue(held.All(p => p.DType == DType.Float64 && p.RequiresGrad && p.IsLeaf));
        CollectionAssert.AreEqual(before.Select(v => (double)v).ToArray(), weight.ToArray<double>());
        Assert.AreEqual(DType.Float64, weight.Grad!.DType, "gradients are converted too");
        var bn = (BatchNorm1d)model[1];
        Assert.AreEqual(DType.Float64, bn.RunningMean!.DType);
        Assert.AreEqual(DType.Int64, bn.NumBatchesTracked!.DType, "integer buffers keep their dtype");

        model.ZeroGrad();
        var y = model.Call(Torch.Randn([4, 3], DType.Float64));
        Assert.AreEqual(DType.Float64, y.DType);
        y.Sum().Backward();
        Assert.AreEqual(DType.Float64, held[0].Grad!.DType);
    }

    [TestMethod]
    public void ToRejectsNonFloatingDTypes()
    {
        using var model = new Linear(2, 2);
        Assert.ThrowsExactly<ArgumentException>(() => model.To(DType.Int64));
        Assert.AreEqual(DType.Float32, model.Weight.DType);
    }

    [TestMethod]
    public void ToTheCurrentDeviceKeepsTheData()
    {
        using var model = new Linear(2, 2);
        var before = model.Weight.ToArray<float>();
        model.To(Device.CPU);
        Assert.AreEqual(Device.CPU, model.Weight.Device);
        CollectionAssert.AreEqual(before, model.Weight.ToArray<float>());
    }
}
