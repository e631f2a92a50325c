using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

[TestClass]
public sealed class LayerTests
{
    [TestMethod]
    public void DcganLikeSequentialProducesImagesOfTheExpectedShape()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Sequential(
            new Linear(8, 4 * 3 * 3), new Unflatten(1, 4, 3, 3),
            new ConvTranspose2d(4, 2, 4, stride: 2, padding: 1), new BatchNorm2d(2), new ReLU(),
            new Conv2d(2, 3, 3, padding: 1), new Tanh());
        var images = generator.Call(Torch.Randn(5, 8));
        CollectionAssert.AreEqual(new[] { 5L, 3, 6, 6 }, images.Shape);
        Assert.IsTrue(images.Abs().Max().Item<float>() < 1f);

        using var discriminator = new Sequential(
            new Conv2d(3, 4, 4, stride: 2, padding: 1), new LeakyReLU(0.2), new Flatten(), new Linear(4 * 3 * 3, 1), new Sigmoid());
        var score = discriminator.Call(images);
        CollectionAssert.AreEqual(new[] { 5L, 1 }, score.Shape);
    }

    [TestMethod]
    public void SubPixelUpsamplerDoublesTheResolution()
    {
        using var scope = Torch.NewDisposeScope();
        using var up = new Sequential(new Conv2d(3, 12, 3, padding: 1), new PixelShuffle(2), new PReLU(3));
        CollectionAssert.AreEqual(new[] { 2L, 3, 10, 14 }, up.Call(Torch.Randn(2, 3, 5, 7)).Shape);
    }

    [TestMethod]
    public void EmptySequentialReturnsItsInputAsANewReference()
    {
        using var scope = Torch.NewDisposeScope();
        using var empty = new Sequential();
        var x = Torch.Ones(2);
        var y = empty.Call(x);
        Assert.AreNotSame(x, y);
        Assert.IsTrue(y.ValueEquals(x));
        Assert.AreEqual(2, new Sequential(new ReLU()).Append(new Tanh()).Count);
    }

    [TestMethod]
    public void ConvolutionsComputeTheDocumentedOutputSizes()
    {
        using var scope = Torch.NewDisposeScope();
        using var conv = new Conv2d(2, 3, (3, 1), stride: (2, 1), padding: (1, 0));
        CollectionAssert.AreEqual(new[] { 3L, 2, 3, 1 }, conv.Weight.Shape);
        CollectionAssert.AreEqual(new[] { 1L, 3, 4, 5 }, conv.Call(Torch.Randn(1, 2, 7, 5)).Shape);

        using var deconv = new ConvTranspose2d(4, 6, 3, stride: 2, padding: 1, outputPadding: 1, groups: 2);
        CollectionAssert.AreEqual(new[] { 4L, 3, 3, 3 }, deconv.Weight.Shape);
        // (5 − 1) × 2 − 2 × 1 + (3 − 1) + 1 + 1 = 10
        CollectionAssert.AreEqual(new[] { 1L, 6, 10, 10 }, deconv.Call(Torch.Randn(1, 4, 5, 5)).Shape);

        Assert.ThrowsExactly<ArgumentException>(() => new Conv2d(3, 4, 3, groups: 2));
    }

    [TestMethod]
    public void ReflectPaddingModeMatchesPaddingThenConvolving()
    {
        using var scope = Torch.NewDisposeScope();
        using var conv = new Conv2d(1, 1, 3, padding: 1, paddingMode: PaddingMode.Reflect);
        var x = Torch.Randn(1, 1, 4, 4);
        var expected = Functional.Conv2d(Functional.Pad(x, [1, 1, 1, 1], PaddingMode.Reflect), conv.Weight, conv.Bias);
        Assert.IsTrue(conv.Call(x).AllClose(expected));
    }

    [TestMethod]
    public void UpsampleUsesTheScaleFactorLikePyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Arange(20L).To(DType.Float32).View(1, 1, 4, 5);
        using var up = new Upsample(1.5, InterpolationMode.Bilinear);
        var y = up.Call(x);
        CollectionAssert.AreEqual(new[] { 1L, 1, 6, 7 }, y.Shape);
        // PyTorch 1.13: F.interpolate(torch.arange(20.).reshape(1,1,4,5), scale_factor=1.5, mode='bilinear'), first rows.
        double[] expected = [0.0, 0.5, 1.1666667, 1.8333334, 2.5, 3.1666670, 3.8333335, 2.5, 3.0, 3.6666665, 4.3333335, 5.0, 5.666667, 6.3333335];
        var actual = y.ToArray<float>();
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], 1e-5, $"element {i}");

        using var nearest = new Upsample(2);
        var n = nearest.Call(Torch.FromArray(new[] { 1f, 2f, 3f, 4f }, 1, 1, 2, 2));
        CollectionAssert.AreEqual(new[] { 1f, 1f, 2f, 2f, 1f, 1f, 2f, 2f, 3f, 3f, 4f, 4f, 3f, 3f, 4f, 4f }, n.ToArray<float>());
        Assert.ThrowsExactly<ArgumentException>(() => new Upsample(2, InterpolationMode.Nearest, alignCorners: true));

        // A non-integer factor maps pixels with the factor itself, not with the ratio of the rounded sizes. PyTorch:
        // scale_factor=1.7 gives [0, 0, 1, 1, 2, 2, 3, 4]; size=(1, 8) gives [0, 0, 1, 1, 2, 3, 3, 4].
        using var odd = new Upsample(1.7);
        var row = Torch.Arange(5L).To(DType.Float32).View(1, 1, 1, 5);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 1f, 1f, 2f, 2f, 3f, 4f }, odd.Call(row).ToArray<float>());
    }

    [TestMethod]
    public void FlattenAndUnflattenAreInverse()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Randn(2, 3, 4, 5);
        var flat = new Flatten().Call(x);
        CollectionAssert.AreEqual(new[] { 2L, 60 }, flat.Shape);
        var back = new Unflatten(1, 3, -1, 5).Call(flat);
        CollectionAssert.AreEqual(new[] { 2L, 3, 4, 5 }, back.Shape);
        Assert.IsTrue(back.ValueEquals(x));
        CollectionAssert.AreEqual(new[] { 2L, 3, 20 }, new Flatten(2).Call(x).Shape);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new Unflatten(1, 7, 8).Call(flat)).Message, "[7, 8]");
    }

    [TestMethod]
    public void EmbeddingLooksUpRowsAndNamesOutOfRangeIndices()
    {
        using var scope = Torch.NewDisposeScope();
        using var embedding = new Embedding(4, 3);
        var labels = Torch.FromArray(new[] { 2L, 0L, 2L }, 3);
        var vectors = embedding.Call(labels);
        CollectionAssert.AreEqual(new[] { 3L, 3 }, vectors.Shape);
        Assert.IsTrue(vectors[0].ValueEquals(embedding.Weight[2]));
        Assert.IsTrue(vectors[1].ValueEquals(embedding.Weight[0]));
        var e = Assert.ThrowsExactly<TorchIndexException>(() => embedding.Call(Torch.FromArray(new[] { 1L, 4L }, 2)));
        StringAssert.Contains(e.Message, "[1, 4]");
        Assert.ThrowsExactly<ArgumentException>(() => embedding.Call(Torch.Zeros(2)));
    }

    [TestMethod]
    public void PReLUScalesNegativeInputsByItsSlopes()
    {
        using var scope = Torch.NewDisposeScope();
        using var shared = new PReLU();
        CollectionAssert.AreEqual(new[] { 0.25f }, shared.Weight.ToArray<float>());
        CollectionAssert.AreEqual(new[] { -1f, 2f }, shared.Call(Torch.FromArray(new[] { -4f, 2f }, 2)).ToArray<float>());

        using var perChannel = new PReLU(2, init: 0.5);
        var x = Torch.FromArray(new[] { -2f, -2f, 3f, -4f }, 1, 2, 2);
        Init.Constant(perChannel.Weight.Narrow(0, 1, 1), 0.1);
        CollectionAssert.AreEqual(new[] { -1f, -1f, 3f, -0.4f }, perChannel.Call(x).ToArray<float>());
        Assert.ThrowsExactly<ArgumentException>(() => perChannel.Call(Torch.Zeros(1, 3, 2)));
    }

    [TestMethod]
    public void ActivationLayersApplyTheirFunction()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.FromArray(new[] { -1f, 0f, 2f }, 3);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 2f }, new ReLU().Call(x).ToArray<float>());
        CollectionAssert.AreEqual(new[] { -0.2f, 0f, 2f }, new LeakyReLU(0.2).Call(x).ToArray<float>());
        Assert.AreEqual(MathF.Tanh(2f), new Tanh().Call(x).ToArray<float>()[2], 1e-6);
        Assert.AreEqual(1 / (1 + Math.Exp(1)), new Sigmoid().Call(x).ToArray<float>()[0], 1e-6);
    }
}
