using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class ColumnPruningTests
{
    [TestMethod]
    public void OnlyTheDependenciesOfRequestedColumnsAreRead()
    {
        var context = new MLContext(1);
        var source = new CountingDataView(context.Data.LoadFromEnumerable(LabeledRow.Generate(50, "a", "b")));
        var output = context.Transforms.Concatenate("Features", "Value")
            .Append(context.Transforms.CopyColumns("LabelCopy", "Label"))
            .Fit(source).Transform(source);

        Assert.AreEqual(50, output.GetColumn<Gan.MLNet.Data.VBuffer<float>>("Features").Count());
        Assert.AreEqual(1, source.GettersCreated("Value"));
        Assert.AreEqual(50L, source.ValuesRead("Value"));
        Assert.AreEqual(0, source.GettersCreated("Label"));
        Assert.AreEqual(0, source.GettersCreated("Id"));
    }

    [TestMethod]
    public void DroppedAndFilteredViewsActivateOnlyWhatTheyNeed()
    {
        var context = new MLContext(1);
        var source = new CountingDataView(context.Data.LoadFromEnumerable(LabeledRow.Generate(20, "a")));
        var dropped = context.Transforms.DropColumns("Label").Fit(source).Transform(source);
        var filtered = context.Data.FilterRowsByColumn(dropped, "Value", upperBound: 5);
        using (var cursor = filtered.GetRowCursor(filtered.Schema["Id"]))
        {
            Assert.IsTrue(cursor.IsColumnActive(filtered.Schema["Id"]));
            Assert.IsFalse(cursor.IsColumnActive(filtered.Schema["Value"]), "the filter reads Value, but the caller did not ask for it");
            Assert.ThrowsExactly<InactiveColumnException>(() => cursor.GetGetter<float>(filtered.Schema["Value"]));
        }
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).ToArray(), filtered.GetColumn<int>("Id").ToArray());
        Assert.AreEqual(0, source.GettersCreated("Label"));
        Assert.AreEqual(20L, source.ValuesRead("Value"));
    }

    [TestMethod]
    public void ShuffleAndSplitCopyOnlyActiveColumns()
    {
        var context = new MLContext(1);
        var source = new CountingDataView(context.Data.LoadFromEnumerable(LabeledRow.Generate(40, "a", "b")));
        var split = context.Data.TrainTestSplit(context.Data.ShuffleRows(source, 1, 8), 0.25, "Label", seed: 2);
        Assert.AreEqual(10, split.TestSet.GetColumn<int>("Id").Count());
        Assert.AreEqual(0L, source.ValuesRead("Value"));
        Assert.AreEqual(40L, source.ValuesRead("Label"));
    }
}
