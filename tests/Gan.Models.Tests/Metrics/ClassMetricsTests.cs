using Gan.Models.Metrics;

namespace Gan.Models.Tests.Metrics;

[TestClass]
public sealed class ClassMetricsTests
{
    [TestMethod]
    public void ConditionalAccuracyIsTheShareOfMatches()
    {
        Assert.AreEqual(0.6, ClassMetrics.ConditionalAccuracy([0, 1, 2, 3, 4], [0, 1, 2, 0, 0]), 1e-12);
        Assert.ThrowsExactly<ArgumentException>(() => ClassMetrics.ConditionalAccuracy([0, 1], [0]));
        Assert.ThrowsExactly<ArgumentException>(() => ClassMetrics.ConditionalAccuracy([], []));
    }

    [TestMethod]
    public void PerClassCountsShowACollapsedGenerator()
    {
        CollectionAssert.AreEqual(new long[] { 1, 0, 3, 0 }, ClassMetrics.PerClassCounts([2, 0, 2, 2], 4));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ClassMetrics.PerClassCounts([4], 4));
        var report = new SampleQualityReport(4, "test", 10, 1.5, null, ClassMetrics.PerClassCounts([2, 0, 2, 2], 4));
        Assert.AreEqual(2, report.EmptyClasses);
        StringAssert.Contains(report.ToString(), "N=4 vs test (N=10)");
    }
}
