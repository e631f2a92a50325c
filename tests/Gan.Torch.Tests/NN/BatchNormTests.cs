using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

[TestClass]
public sealed class BatchNormTests
{
    // Columns [1, 3, 0] and [2, 5, −1]: means 4/3 and 2, unbiased variances 7/3 and 9, biased variances 14/9 and 6.
    private static Tensor Batch() => Torch.FromArray(new[] { 1f, 2f, 3f, 5f, 0f, -1f }, 3, 2);

    [TestMethod]
    public void TrainingStepUpdatesRunningStatisticsWithMomentum()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn = new BatchNorm1d(2);
        var y = bn.Call(Batch());

        AssertClose(new[] { 0.1 * 4 / 3, 0.1 * 2 }, bn.RunningMean!.ToArray<float>());
        AssertClose(new[] { 0.9 + 0.1 * 7 / 3, 0.9 + 0.1 * 9 }, bn.RunningVar!.ToArray<float>());
        Assert.AreEqual(1L, bn.NumBatchesTracked!.Item<long>());
        // Normalised with the batch's biased variance.
        double s0 = Math.Sqrt(14.0 / 9 + 1e-5), s1 = Math.Sqrt(6 + 1e-5);
        AssertClose(new[] { (1 - 4.0 / 3) / s0, 0, (3 - 4.0 / 3) / s0, 3 / s1, (0 - 4.0 / 3) / s0, -3 / s1 }, y.ToArray<float>());

        bn.Call(Batch());
        Assert.AreEqual(2L, bn.NumBatchesTracked.Item<long>());
        AssertClose(new[] { 0.9 * 0.1 * 4 / 3 + 0.1 * 4 / 3, 0.9 * 0.2 + 0.2 }, bn.RunningMean.ToArray<float>());
    }

    [TestMethod]
    public void EvaluationUsesRunningStatisticsAndLeavesThemAlone()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn = new BatchNorm1d(2);
        bn.Call(Batch());
        bn.Eval();
        var y = bn.Call(Torch.FromArray(new[] { 1f, 1f }, 1, 2));
        // PyTorch 1.13 gives [[0.8141, 0.5963]] for the same sequence.
        AssertClose(new[] { (1 - 0.4 / 3) / Math.Sqrt(0.9 + 0.7 / 3 + 1e-5), (1 - 0.2) / Math.Sqrt(1.8 + 1e-5) }, y.ToArray<float>());
        AssertClose(new[] { 0.4 / 3, 0.2 }, bn.RunningMean!.ToArray<float>());
        Assert.AreEqual(1L, bn.NumBatchesTracked!.Item<long>());
    }

    [TestMethod]
    public void NullMomentumKeepsACumulativeAverage()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn = new BatchNorm1d(1, momentum: null);
        bn.Call(Torch.FromArray(new[] { 1f, 3f }, 2, 1));
        bn.Call(Torch.FromArray(new[] { 5f, 7f }, 2, 1));
        // Batch means 2 and 6: their plain average; unbiased variances 2 and 2.
        AssertClose(new[] { 4.0 }, bn.RunningMean!.ToArray<float>());
        AssertClose(new[] { 2.0 }, bn.RunningVar!.ToArray<float>());
    }

    [TestMethod]
    public void BatchNorm2dNormalisesPerChannelOverBatchAndSpace()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn = new BatchNorm2d(2, momentum: 0.5);
        var x = Torch.FromArray(new[] { 0f, 2f, 10f, 10f, 4f, 6f, 30f, 50f }, 2, 2, 1, 2);
        var y = bn.Call(x);
        // Channel 0 holds 0, 2, 4, 6 (mean 3, unbiased var 20/3); channel 1 holds 10, 10, 30, 50 (mean 25, unbiased var 1100/3).
        AssertClose(new[] { 1.5, 12.5 }, bn.RunningMean!.ToArray<float>());
        AssertClose(new[] { 0.5 + 0.5 * 20 / 3, 0.5 + 0.5 * 1100 / 3 }, bn.RunningVar!.ToArray<float>());
        using var mean = y.Mean([0L, 2, 3]);
        AssertClose(new[] { 0.0, 0.0 }, mean.ToArray<float>(), 1e-5);
    }

    [TestMethod]
    public void AffineParametersStartAtOneAndZero()
    {
        using var bn = new BatchNorm2d(3);
        CollectionAssert.AreEqual(new[] { 1f, 1f, 1f }, bn.Weight!.ToArray<float>());
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f }, bn.Bias!.ToArray<float>());
        CollectionAssert.AreEqual(new[] { 1f, 1f, 1f }, bn.RunningVar!.ToArray<float>());
    }

    [TestMethod]
    public void WithoutRunningStatisticsEvaluationUsesTheBatch()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn = new BatchNorm1d(2, affine: false, trackRunningStats: false);
        CollectionAssert.AreEqual(Array.Empty<string>(), bn.StateDict().Keys.ToArray());
        bn.Eval();
        var y = bn.Call(Batch());
        Assert.AreEqual(0.0, y.Sum().Item<double>(), 1e-5);
    }

    [TestMethod]
    public void BadInputsAreRejectedWithClearMessages()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn1 = new BatchNorm1d(2);
        using var bn2 = new BatchNorm2d(2);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => bn2.Call(Torch.Zeros(4, 2))).Message, "4-D");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => bn1.Call(Torch.Zeros(4, 3))).Message, "3 channels");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => bn1.Call(Torch.Zeros(1, 2))).Message,
            "more than one value per channel");
    }

    private static void AssertClose(double[] expected, float[] actual, double tolerance = 1e-5)
    {
        Assert.AreEqual(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.AreEqual(expected[i], actual[i], tolerance * Math.Max(1, Math.Abs(expected[i])), $"element {i}");
    }
}
