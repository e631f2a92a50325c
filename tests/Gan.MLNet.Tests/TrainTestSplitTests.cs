using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class TrainTestSplitTests
{
    [TestMethod]
    public void PartsAreComplementaryWithTheRequestedProportion()
    {
        var context = new MLContext(3);
        var data = context.Data.LoadFromEnumerable(LabeledRow.Generate(1000, "a"));
        var split = context.Data.TrainTestSplit(data, testFraction: 0.2, seed: 11);
        var train = split.TrainSet.GetColumn<int>("Id").ToArray();
        var test = split.TestSet.GetColumn<int>("Id").ToArray();
        Assert.AreEqual(200, test.Length);
        Assert.AreEqual(800, train.Length);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 1000).ToArray(), train.Concat(test).ToArray());
    }

    [TestMethod]
    public void SameSeedSameSplitOtherSeedOtherSplit()
    {
        var context = new MLContext();
        var data = context.Data.LoadFromEnumerable(LabeledRow.Generate(500, "a").ToList());
        int[] TestIds(int seed) => context.Data.TrainTestSplit(data, 0.3, seed: seed).TestSet.GetColumn<int>("Id").ToArray();
        CollectionAssert.AreEqual(TestIds(5), TestIds(5));
        CollectionAssert.AreNotEqual(TestIds(5), TestIds(6));
        var again = TestIds(5);
        CollectionAssert.AreEqual(again, TestIds(5));
    }

    [TestMethod]
    public void SeedlessSplitFollowsTheContextSeed()
    {
        int[] TestIds(int contextSeed)
        {
            var context = new MLContext(contextSeed);
            var data = context.Data.LoadFromEnumerable(LabeledRow.Generate(300, "a").ToList());
            return context.Data.TrainTestSplit(data, 0.5).TestSet.GetColumn<int>("Id").ToArray();
        }
        CollectionAssert.AreEqual(TestIds(1), TestIds(1));
        CollectionAssert.AreNotEqual(TestIds(1), TestIds(2));
    }

    [TestMethod]
    public void StratifiedSplitKeepsEveryLabelsProportion()
    {
        var context = new MLContext(1);
        // "common" is 9 times as frequent as "rare".
        var labels = Enumerable.Repeat("common", 9).Append("rare").ToArray();
        var data = context.Data.LoadFromEnumerable(LabeledRow.Generate(1000, labels));
        var split = context.Data.TrainTestSplit(data, testFraction: 0.25, samplingKeyColumnName: "Label", seed: 4);
        var test = split.TestSet.GetColumn<ReadOnlyMemory<char>>("Label").Select(l => l.ToString()).ToArray();
        var train = split.TrainSet.GetColumn<ReadOnlyMemory<char>>("Label").Select(l => l.ToString()).ToArray();
        int rareTest = test.Count(l => l == "rare"), commonTest = test.Count(l => l == "common");
        Assert.IsTrue(Math.Abs(rareTest - 25) <= 1, $"rare in test: {rareTest}");
        Assert.IsTrue(Math.Abs(commonTest - 225) <= 1, $"common in test: {commonTest}");
        Assert.AreEqual(100, rareTest + train.Count(l => l == "rare"));
    }

    [TestMethod]
    public void BadArgumentsAreNamed()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(LabeledRow.Generate(10, "a"));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Data.TrainTestSplit(data, 1.5));
        var missing = Assert.ThrowsExactly<ColumnNotFoundException>(() => context.Data.TrainTestSplit(data, 0.5, "Lable"));
        Assert.AreEqual("Column 'Lable' not found; the schema has: Id, Label, Value", missing.Message);
    }
}
