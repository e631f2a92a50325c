using Gan.Models.Metrics;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Metrics;

[TestClass]
public sealed class FrechetDistanceTests
{
    [TestMethod]
    public void OneDimensionalGaussiansGiveMeanAndStdDifferencesSquared()
    {
        using var scope = NewDisposeScope();
        double fd = FrechetDistance.Compute(
            tensor(new[] { 1.0 }), tensor(new[] { 4.0 }, [1, 1]),
            tensor(new[] { -2.0 }), tensor(new[] { 9.0 }, [1, 1]));
        Assert.AreEqual(3.0 * 3.0 + (2.0 - 3.0) * (2.0 - 3.0), fd, 1e-12);
    }

    [TestMethod]
    public void DiagonalCovariancesGiveTheSumOfPerAxisTerms()
    {
        using var scope = NewDisposeScope();
        double fd = FrechetDistance.Compute(
            tensor(new[] { 0.0, 1.0, 2.0 }), tensor(new[] { 1.0, 0, 0, 0, 4.0, 0, 0, 0, 0.25 }, [3, 3]),
            tensor(new[] { 1.0, 1.0, 0.0 }), tensor(new[] { 9.0, 0, 0, 0, 1.0, 0, 0, 0, 0.25 }, [3, 3]));
        double expected = 1 + 0 + 4 + (1 - 3.0) * (1 - 3.0) + (2 - 1.0) * (2 - 1.0) + 0;
        Assert.AreEqual(expected, fd, 1e-12);
    }

    [TestMethod]
    public void SampleSetsMatchScipy()
    {
        // Reference: /usr/bin/python3 with numpy 1.x and scipy 1.10.1, np.cov(rowvar=False) and scipy.linalg.sqrtm(ca @ cb).
        double[] a = [0.1257, -0.1321, 0.6404, 0.1049, -0.5357, 0.3616, 1.304, 0.9471, -0.7037,
                      -1.2654, -0.6233, 0.0413, -2.325, -0.2188, -1.2459, -0.7323, -0.5443, -0.3163];
        double[] b = [0.9174, 1.8638, 0.1072, 2.3497, -0.6978, 0.8273, 1.6552, 0.441, -0.8152,
                      -1.0826, -0.3866, 0.6303, -1.2144, -0.0138, 0.0612];
        using var scope = NewDisposeScope();
        double fd = FrechetDistance.Compute(tensor(a, [6, 3]).to(ScalarType.Float32), tensor(b, [5, 3]));
        Assert.AreEqual(1.9310000393389704, fd, 1e-5);
        Assert.AreEqual(0.0, FrechetDistance.Compute(tensor(b, [5, 3]), tensor(b, [5, 3])), 1e-9);
    }

    [TestMethod]
    public void MismatchedFeatureWidthsAreRefused()
    {
        using var scope = NewDisposeScope();
        Assert.ThrowsExactly<ArgumentException>(() => FrechetDistance.Compute(zeros(4, 3), zeros(4, 2)));
        Assert.ThrowsExactly<ArgumentException>(() => FrechetDistance.Compute(zeros(1, 3), zeros(4, 3)));
        Assert.ThrowsExactly<ArgumentException>(() => FrechetDistance.Compute(zeros(3), eye(3), zeros(2), eye(2)));
    }
}
