using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class DataOperationsTests
{
    private static readonly MLContext Context = new(0);

    [TestMethod]
    public void TakeAndSkipSelectRowRanges()
    {
        var data = Context.Data.LoadFromEnumerable(LabeledRow.Generate(10, "a").ToList());
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, Context.Data.TakeRows(data, 3).GetColumn<int>("Id").ToArray());
        CollectionAssert.AreEqual(new[] { 8, 9 }, Context.Data.SkipRows(data, 8).GetColumn<int>("Id").ToArray());
        CollectionAssert.AreEqual(new[] { 4, 5 }, Context.Data.TakeRows(Context.Data.SkipRows(data, 4), 2).GetColumn<int>("Id").ToArray());
        Assert.AreEqual(3L, Context.Data.TakeRows(data, 3).GetRowCount());
        Assert.AreEqual(0L, Context.Data.SkipRows(data, 20).GetRowCount());
    }

    [TestMethod]
    public void TakeStopsReadingTheSource()
    {
        int produced = 0;
        IEnumerable<LabeledRow> Endless()
        {
            for (int i = 0; ; i++)
            {
                produced++;
                yield return new LabeledRow { Id = i };
            }
        }
        var ids = Context.Data.TakeRows(Context.Data.LoadFromEnumerable(Endless()), 5).GetColumn<int>("Id").ToArray();
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3, 4 }, ids);
        Assert.AreEqual(5, produced);
    }

    [TestMethod]
    public void FilterKeepsTheHalfOpenRange()
    {
        var data = Context.Data.LoadFromEnumerable(LabeledRow.Generate(10, "a"));
        var kept = Context.Data.FilterRowsByColumn(data, "Value", lowerBound: 1, upperBound: 3).GetColumn<int>("Id").ToArray();
        CollectionAssert.AreEqual(new[] { 2, 3, 4, 5 }, kept);
        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => Context.Data.FilterRowsByColumn(data, "Label", 0, 1));
        Assert.AreEqual("Schema mismatch for input column 'Label': expected a numeric or key column (Single, Double, Int32, Int64, UInt32, Key), got String.", error.Message);
    }

    [TestMethod]
    public void CacheReadsTheSourceOnceAndCanShuffle()
    {
        var counting = new CountingDataView(Context.Data.LoadFromEnumerable(LabeledRow.Generate(100, "a")));
        var cached = Context.Data.Cache(counting);
        Assert.IsTrue(cached.CanShuffle);
        CollectionAssert.AreEqual(Enumerable.Range(0, 100).ToArray(), cached.GetColumn<int>("Id").ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 100).ToArray(), cached.GetColumn<int>("Id").ToArray());
        Assert.AreEqual(100L, counting.ValuesRead("Id"));
        Assert.AreEqual(100L, cached.GetRowCount());

        using var cursor = cached.GetRowCursor(cached.Schema, new Random(1));
        var id = cursor.GetGetter<int>(cached.Schema["Id"]);
        var order = new List<int>();
        while (cursor.MoveNext())
        {
            int i = 0;
            id(ref i);
            order.Add(i);
        }
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 100).ToArray(), order);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 100).ToArray(), order);
    }

    [TestMethod]
    public void CachedVectorsAreNotSharedWithReaders()
    {
        var rows = new[] { new AllTypesRow { FixedVector = [1, 2, 3, 4, 5, 6] } };
        var cached = Context.Data.Cache(Context.Data.LoadFromEnumerable(rows));
        var first = cached.GetColumn<VBuffer<float>>("Features").Single();
        var editor = VBufferEditor.Create(ref first, 6);
        editor.Values.Clear();
        CollectionAssert.AreEqual(new float[] { 1, 2, 3, 4, 5, 6 }, cached.GetColumn<VBuffer<float>>("Features").Single().ToArray());
    }

    [TestMethod]
    public void PreviewShowsRowsAndColumns()
    {
        var data = Context.Data.LoadFromEnumerable(new[] { new AllTypesRow { Text = "x", FixedVector = [1, 2, 3, 4, 5, 6], Category = 2 }, new AllTypesRow { Text = "y", FixedVector = new float[6] } });
        var preview = data.Preview(maxRows: 1);
        Assert.HasCount(1, preview.RowView);
        Assert.AreEqual("x", preview.ColumnView.Single(c => c.Column.Name == "Text").Values[0]);
        CollectionAssert.AreEqual(new float[] { 1, 2, 3, 4, 5, 6 }, (float[])preview.RowView[0].Values.Single(v => v.Key == "Features").Value!);
        Assert.AreEqual(2u, preview.RowView[0].Values.Single(v => v.Key == "Category").Value);
        StringAssert.Contains(preview.RowView[0].ToString(), "Features: [1, 2, 3, 4, 5, 6]");
    }
}
