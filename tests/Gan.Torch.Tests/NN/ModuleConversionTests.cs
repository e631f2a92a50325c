using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

[TestClass]
public sealed class ModuleConversionTests
{
    [TestMethod]
    public void ToDTypeConvertsParametersInPlaceKeepingTheirIdentity()
    {
        using var scope = Tensors.NewDisposeScope();
        using var model = new Sequential(new Linear(3, 2), new BatchNorm1d(2));
        var linear = (Linear)model[0];
        var weight = linear.Weight;
        var held = model.Parameters().ToList();   // what an optimizer would hold
        var before = weight.ToArray<float>();
        model.Call(Tensors.Randn(4, 3)).Sum().Backward();

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
        var y = model.Call(Tensors.Randn([4, 3], DType.Float64));
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

    [TestMethod]
    public void ToChannelsLastLaysOutWeightsInPlaceKeepingValuesAndOutputs()
    {
        using var scope = Tensors.NewDisposeScope();
        using var conv = new Conv2d(3, 4, (3, 3), padding: (1, 1));
        var weight = conv.Weight;
        var before = weight.ToArray<float>();
        var x = Tensors.Randn(2, 3, 6, 5);
        var expected = conv.Call(x);

        conv.To(MemoryFormat.ChannelsLast);

        Assert.AreSame(weight, conv.Weight);
        Assert.IsTrue(weight.IsContiguousIn(MemoryFormat.ChannelsLast));
        Assert.IsFalse(weight.IsContiguous, "NHWC in memory is not row-major NCHW");
        CollectionAssert.AreEqual(before, weight.ToArray<float>(), "same values in the same logical order");
        Assert.IsTrue(conv.Bias!.IsContiguous, "1-D tensors have no channels-last layout and stay as they are");
        var output = conv.Call(x.Contiguous(MemoryFormat.ChannelsLast));
        Assert.IsTrue(output.IsContiguousIn(MemoryFormat.ChannelsLast), "the layout carries through the convolution");
        Assert.IsTrue(output.AllClose(expected, rtol: 1e-5, atol: 1e-5));

        conv.To(MemoryFormat.Contiguous);
        Assert.IsTrue(weight.IsContiguous);
        CollectionAssert.AreEqual(before, weight.ToArray<float>());
    }
}
