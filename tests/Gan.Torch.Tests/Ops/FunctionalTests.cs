using Gan.Torch;
using Gan.Torch.NN;
using F = Gan.Torch.NN.Functional;

namespace Gan.Torch.Tests.Ops;

/// <summary>
/// Behaviour of Gan.Torch.NN.Functional that fixed fixtures cannot show: dropout's randomness, batch norm's
/// running statistics (derived by hand from Mean/Var), and libtorch's errors from the layers.
/// </summary>
[TestClass]
public sealed class FunctionalTests
{
    private static Tensor Data(params long[] shape)
    {
        using var g = new Generator(21);
        return Tensors.Randn(shape, DType.Float64, generator: g);
    }

    [TestMethod]
    public void DropoutWithPZeroOrOutsideTrainingIsTheIdentity()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Data(4, 5);
        Assert.IsTrue(F.Dropout(x, 0.0).ValueEquals(x));
        Assert.IsTrue(F.Dropout(x, 0.7, training: false).ValueEquals(x));
        using var g = new Generator(1);
        Assert.IsTrue(F.Dropout(x, 0.7, training: false, generator: g).ValueEquals(x));
        Assert.IsTrue(F.Dropout(x, 0.0, generator: g).ValueEquals(x));
    }

    [TestMethod]
    public void DropoutWithPOneGivesZeros()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Data(4, 5);
        Assert.IsTrue(F.Dropout(x, 1.0).ValueEquals(Tensors.ZerosLike(x)));
        using var g = new Generator(1);
        Assert.IsTrue(F.Dropout(x, 1.0, generator: g).ValueEquals(Tensors.ZerosLike(x)));
    }

    [TestMethod]
    public void DropoutZeroesAFractionPAndScalesTheRestToPreserveTheMean()
    {
        using var scope = Tensors.NewDisposeScope();
        var ones = Tensors.Ones([100_000], DType.Float64);
        using var g = new Generator(2);
        foreach (var y in new[] { F.Dropout(ones, 0.3), F.Dropout(ones, 0.3, generator: g) })
        {
            var values = y.ToArray<double>();
            Assert.IsTrue(values.All(v => v == 0 || Math.Abs(v - 1 / 0.7) < 1e-12), "kept values are scaled by 1/(1-p)");
            Assert.AreEqual(0.3, values.Count(v => v == 0) / (double)values.Length, 0.01, "dropped fraction");
            Assert.AreEqual(1.0, values.Average(), 0.015, "mean preserved");
        }
    }

    [TestMethod]
    public void DropoutWithAGeneratorIsReproducible()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Data(8, 8);
        using var a = new Generator(9);
        using var b = new Generator(9);
        Assert.IsTrue(F.Dropout(x, 0.5, generator: a).ValueEquals(F.Dropout(x, 0.5, generator: b)));
    }

    [TestMethod]
    public void BatchNormTrainingUpdatesRunningStatsWithMomentumAndUnbiasedVariance()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Data(5, 3, 2);
        var runningMean = Tensors.FromArray(new[] { 0.5, -1.0, 2.0 });
        var runningVar = Tensors.FromArray(new[] { 1.0, 4.0, 0.25 });
        var expectedMean = runningMean.Mul(0.8).Add(x.Mean([0, 2]).Mul(0.2));
        var expectedVar = runningVar.Mul(0.8).Add(x.Var([0, 2]).Mul(0.2));

        var y = F.BatchNorm(x, runningMean, runningVar, training: true, momentum: 0.2);

        Assert.IsTrue(runningMean.AllClose(expectedMean, 1e-12, 1e-12), runningMean.ToDataString());
        Assert.IsTrue(runningVar.AllClose(expectedVar, 1e-12, 1e-12), runningVar.ToDataString());
        // The output is normalised with the batch's biased statistics.
        var biased = x.Sub(x.Mean([0, 2], keepDim: true)).Square().Mean([0, 2], keepDim: true);
        var expectedY = x.Sub(x.Mean([0, 2], keepDim: true)).Div(biased.Add(1e-5).Sqrt());
        Assert.IsTrue(y.AllClose(expectedY, 1e-10, 1e-10));
    }

    [TestMethod]
    public void BatchNormEvalUsesAndKeepsTheRunningStats()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Data(4, 2);
        var runningMean = Tensors.FromArray(new[] { 0.5, -1.0 });
        var runningVar = Tensors.FromArray(new[] { 2.0, 0.5 });
        var weight = Tensors.FromArray(new[] { 1.5, -0.5 });
        var bias = Tensors.FromArray(new[] { 0.1, 0.2 });

        var y = F.BatchNorm(x, runningMean, runningVar, weight, bias, training: false, eps: 1e-3);

        var expected = x.Sub(runningMean).Div(runningVar.Add(1e-3).Sqrt()).Mul(weight).Add(bias);
        Assert.IsTrue(y.AllClose(expected, 1e-12, 1e-12));
        CollectionAssert.AreEqual(new[] { 0.5, -1.0 }, runningMean.ToArray<double>());
        CollectionAssert.AreEqual(new[] { 2.0, 0.5 }, runningVar.ToArray<double>());
    }

    [TestMethod]
    public void Conv2dChannelMismatchCarriesLibTorchsMessage()
    {
        using var scope = Tensors.NewDisposeScope();
        var e = Assert.ThrowsExactly<TorchException>(() => F.Conv2d(Tensors.Zeros(1, 3, 4, 4), Tensors.Zeros(2, 2, 3, 3)));
        Assert.Contains("expected input[1, 3, 4, 4] to have 2 channels, but got 3 channels instead", e.Message);
    }

    [TestMethod]
    public void CrossEntropyClassOutOfRangeCarriesLibTorchsMessage()
    {
        using var scope = Tensors.NewDisposeScope();
        var e = Assert.ThrowsExactly<TorchIndexException>(() => F.CrossEntropy(Tensors.Zeros(2, 3), Tensors.FromArray(new[] { 0L, 7L })));
        Assert.Contains("Target 7 is out of bounds", e.Message);
    }

    [TestMethod]
    public void EmbeddingIndexOutOfRangeNamesTheRangeAndTheTable()
    {
        using var scope = Tensors.NewDisposeScope();
        var e = Assert.ThrowsExactly<TorchIndexException>(() =>
            F.Embedding(Tensors.FromArray(new[] { 0L, 5L, 2L }), Tensors.Zeros(5, 3)));
        Assert.Contains("Embedding indices range over [0, 5] but the table [5, 3] has rows 0..4", e.Message);
    }
}
