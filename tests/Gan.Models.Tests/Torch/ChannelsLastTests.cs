using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

[TestClass]
public sealed class ChannelsLastTests
{
    [TestMethod]
    public void ToChannelsLastKeepsShapeAndValuesAndLaysChannelsInnermost()
    {
        using var scope = NewDisposeScope();
        var x = arange(2 * 3 * 4 * 5).reshape(2, 3, 4, 5);
        var nhwc = x.ToChannelsLast();
        CollectionAssert.AreEqual(x.shape, nhwc.shape);
        CollectionAssert.AreEqual(new long[] { 60, 1, 15, 3 }, nhwc.stride());
        Assert.IsTrue(nhwc.IsChannelsLast());
        Assert.IsFalse(x.IsChannelsLast());
        Assert.IsFalse(nhwc.is_contiguous(), "NHWC in memory is not row-major NCHW");
        CollectionAssert.AreEqual(x.CopyToArray<long>(), nhwc.CopyToArray<long>(), "same values in the same logical order");
        CollectionAssert.AreEqual(x.permute(0, 2, 3, 1).CopyToArray<long>(), nhwc.permute(0, 2, 3, 1).contiguous().view(-1).CopyToArray<long>());
        Assert.IsTrue(nhwc.ToChannelsLast().IsChannelsLast());
    }

    [TestMethod]
    public void WithoutSpatialExtentBothLayoutsAreTheSameMemory()
    {
        using var scope = NewDisposeScope();
        var pointwise = ones(4, 3, 1, 1);
        Assert.IsTrue(pointwise.IsChannelsLast());
        Assert.IsTrue(pointwise.is_contiguous());
        Assert.IsFalse(ones(4, 3, 1, 2).IsChannelsLast());
    }

    [TestMethod]
    public void OnlyFourDimensionalTensorsHaveTheLayout()
    {
        using var scope = NewDisposeScope();
        Assert.ThrowsExactly<ArgumentException>(() => zeros(2, 3, 4).ToChannelsLast());
        Assert.IsFalse(zeros(2, 3, 4).IsChannelsLast());
        Assert.IsFalse(zeros([2, 3, 4, 5, 6]).IsChannelsLast());
    }

    [TestMethod]
    public void ToChannelsLastLeavesTheDisposeScopeTidy()
    {
        using var scope = NewDisposeScope();
        var x = ones(1, 2, 3, 3);
        int before = scope.DisposablesCount;
        x.ToChannelsLast();
        Assert.AreEqual(before + 1, scope.DisposablesCount, "only the result joins the caller's scope");
    }

    [TestMethod]
    public void AChannelsLastConvolutionComputesWhatTheContiguousOneDoes()
    {
        using var conv = nn.Conv2d(3, 4, 3, padding: 1);
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 6, 5);
        var expected = conv.call(x);

        ChannelsLast.ConvertWeights(conv);
        var output = conv.call(x.ToChannelsLast());

        Assert.IsTrue(output.IsChannelsLast(), "the layout carries through the convolution");
        Assert.IsTrue(output.allclose(expected, rtol: 1e-5, atol: 1e-5));
    }

    [TestMethod]
    public void ConvertingWeightsKeepsEveryParameterObjectAndItsValues()
    {
        using var network = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ConvTranspose2d(4, 2, 2), nn.Flatten(), nn.Linear(2 * 5 * 5, 1));
        var held = network.parameters().ToList(); // what an optimizer would hold
        var handles = held.Select(p => p.Handle).ToList();
        using var scope = NewDisposeScope();
        var before = held.Select(p => p.detach().clone()).ToList();

        ChannelsLast.ConvertWeights(network);

        CollectionAssert.AreEqual(held, network.parameters().ToList());
        CollectionAssert.AreEqual(handles, network.parameters().Select(p => p.Handle).ToList());
        foreach (var (p, old) in held.Zip(before))
        {
            Assert.AreEqual(p.dim() == 4, p.IsChannelsLast(), $"{p.dim()}-D parameter: only 4-D ones change layout");
            Assert.IsTrue(p.requires_grad && p.is_leaf);
            TensorAssert.AreIdentical(old, p, "values");
        }

        ChannelsLast.RestoreWeights(network);
        CollectionAssert.AreEqual(held, network.parameters().ToList());
        foreach (var (p, old) in held.Zip(before))
        {
            Assert.IsTrue(p.is_contiguous());
            TensorAssert.AreIdentical(old, p, "values");
        }
    }

    [TestMethod]
    public void AnOptimizerKeepsTrainingConvertedWeights()
    {
        using var conv = nn.Conv2d(2, 2, 3);
        using var optimizer = optim.SGD(conv.parameters(), 0.1);
        ChannelsLast.ConvertWeights(conv);
        var weight = conv.parameters().First();
        using var scope = NewDisposeScope();
        var before = weight.detach().clone();

        conv.call(ones(1, 2, 3, 3).ToChannelsLast()).sum().backward();
        optimizer.step();

        Assert.IsTrue(weight.IsChannelsLast());
        Assert.IsTrue(weight.allclose(before - 0.1, rtol: 0, atol: 1e-6), "each weight moved by lr × its gradient of one");
    }

    [TestMethod]
    public void AChannelsLastNetworkSavesTheSameFileAndLoadsKeepingItsLayout()
    {
        using var network = nn.Sequential(nn.Conv2d(3, 4, 3), nn.Conv2d(4, 2, 1));
        using var expected = new MemoryStream();
        network.SaveSafeTensors(expected);

        ChannelsLast.ConvertWeights(network);
        using var saved = new MemoryStream();
        network.SaveSafeTensors(saved);
        CollectionAssert.AreEqual(expected.ToArray(), saved.ToArray());

        saved.Position = 0;
        network.LoadSafeTensors(saved);
        Assert.IsTrue(network.parameters().Where(p => p.dim() == 4).All(p => p.IsChannelsLast()));
    }
}
