using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

// The argument checks Functional adds in front of libtorch (the ops' numbers are tested elsewhere).
[TestClass]
public sealed class FunctionalArgumentTests
{
    [TestMethod]
    public void LinearNamesTheFeatureMismatch()
    {
        using var scope = Torch.NewDisposeScope();
        var e = Assert.ThrowsExactly<ArgumentException>(() => Functional.Linear(Torch.Zeros(2, 3), Torch.Zeros(5, 4)));
        StringAssert.Contains(e.Message, "last dimension is 3");
        StringAssert.Contains(e.Message, "expects 4");
    }

    [TestMethod]
    public void ConvolutionSettingsAreChecked()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Zeros(1, 1, 4, 4);
        var w = Torch.Zeros(1, 1, 3, 3);
        Assert.AreEqual("stride", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Functional.Conv2d(x, w, stride: 0)).ParamName);
        Assert.AreEqual("padding", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Functional.Conv2d(x, w, padding: -1)).ParamName);
        Assert.AreEqual("outputPadding", Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => Functional.ConvTranspose2d(x, w, stride: 2, outputPadding: 2)).ParamName);
        CollectionAssert.AreEqual(new[] { 1L, 1, 8, 8 }, Functional.ConvTranspose2d(x, w, stride: 2, padding: 1, outputPadding: 1).Shape);
    }

    [TestMethod]
    public void InterpolationOptionsMustSuitTheMode()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Zeros(1, 1, 4, 4);
        Assert.ThrowsExactly<ArgumentException>(() => Functional.Interpolate(x, (8, 8), InterpolationMode.Nearest, antialias: true));
        Assert.ThrowsExactly<ArgumentException>(() => Functional.Interpolate(x, 2.0, InterpolationMode.Nearest, alignCorners: true));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Functional.Interpolate(Torch.Zeros(1, 4, 4), (8, 8))).Message, "4-D");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Functional.Interpolate(x, 0.1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Functional.Interpolate(x, (0, 8)));
        CollectionAssert.AreEqual(new[] { 1L, 1, 2, 2 }, Functional.Interpolate(x, 0.5, InterpolationMode.Bicubic, antialias: true).Shape);
    }

    [TestMethod]
    public void PixelShuffleNeedsDivisibleSizes()
    {
        using var scope = Torch.NewDisposeScope();
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Functional.PixelShuffle(Torch.Zeros(1, 6, 2, 2), 2)).Message, "multiple of 4");
        Assert.ThrowsExactly<ArgumentException>(() => Functional.PixelUnshuffle(Torch.Zeros(1, 1, 3, 4), 2));
        CollectionAssert.AreEqual(new[] { 1L, 4, 2, 2 }, Functional.PixelUnshuffle(Torch.Zeros(1, 1, 4, 4), 2).Shape);
    }

    [TestMethod]
    public void PaddingArgumentsAreChecked()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Zeros(1, 1, 2, 2);
        Assert.ThrowsExactly<ArgumentException>(() => Functional.Pad(x, [1, 1, 1]));
        Assert.ThrowsExactly<ArgumentException>(() => Functional.Pad(x, [1, 1], PaddingMode.Replicate, value: 3));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Functional.Pad(x, [2, 2], PaddingMode.Reflect)).Message,
            "smaller than the size 2");
        CollectionAssert.AreEqual(new[] { 1L, 1, 4, 3 }, Functional.Pad(x, [0, 1, 1, 1], PaddingMode.Replicate).Shape);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Functional.MaxPool2d(x, 2, padding: 2));
    }

    [TestMethod]
    public void ElementwiseLossesRefuseToBroadcast()
    {
        using var scope = Torch.NewDisposeScope();
        var input = Torch.Zeros(4, 1);
        var target = Torch.Zeros(4);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Functional.MseLoss(input, target)).Message, "[4]");
        Assert.ThrowsExactly<ArgumentException>(() => Functional.L1Loss(input, target));
        Assert.ThrowsExactly<ArgumentException>(() => Functional.BinaryCrossEntropy(input, target));
        Assert.ThrowsExactly<ArgumentException>(() => Functional.BinaryCrossEntropyWithLogits(input, target));
        Assert.AreEqual(0f, Functional.MseLoss(target, target).Item<float>());
    }

    [TestMethod]
    public void ClassificationLossesCheckTheirTargets()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = Torch.Zeros(3, 5);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(
            () => Functional.CrossEntropy(logits, Torch.Zeros([3, 1], DType.Int64))).Message, "shape [3]");
        Assert.ThrowsExactly<ArgumentException>(() => Functional.NllLoss(logits, Torch.Zeros([3], DType.Int32)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Functional.CrossEntropy(logits, Torch.Zeros([3], DType.Int64), labelSmoothing: 2));
        Assert.AreEqual(Math.Log(5), Functional.CrossEntropy(logits, Torch.Zeros([3], DType.Int64)).Item<float>(), 1e-6);
        Assert.AreEqual(Math.Log(5), Functional.CrossEntropy(logits, Torch.Full([3, 5], 0.2)).Item<float>(), 1e-6);
    }

    [TestMethod]
    public void LayerFunctionsCheckTheirInputs()
    {
        using var scope = Torch.NewDisposeScope();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Functional.Dropout(Torch.Zeros(2), 1.5));
        Assert.ThrowsExactly<ArgumentException>(() => Functional.BatchNorm(Torch.Zeros(2, 2), null, null));
        Assert.ThrowsExactly<ArgumentException>(() => Functional.OneHot(Torch.Zeros(2)));
        CollectionAssert.AreEqual(new[] { 0L, 1L, 1L, 0L }, Functional.OneHot(Torch.FromArray(new[] { 1L, 0L }, 2)).ToArray<long>());
        CollectionAssert.AreEqual(new[] { 0f, 0f }, Functional.Dropout(Torch.Ones(2), 1.0).ToArray<float>());
        using var g = new Generator(1);
        CollectionAssert.AreEqual(new[] { 0f, 0f }, Functional.Dropout(Torch.Ones(2), 1.0, generator: g).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 1f, 1f }, Functional.Dropout(Torch.Ones(2), 0.0, generator: g).ToArray<float>());
    }
}
