using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class ShuffleRowsTests
{
    private static int[] ShuffledIds(int rows, int seed, int poolSize)
    {
        var context = new MLContext();
        var data = context.Data.LoadFromEnumerable(LabeledRow.Generate(rows, "a"));
        return context.Data.ShuffleRows(data, seed, poolSize).GetColumn<int>("Id").ToArray();
    }

    [TestMethod]
    public void ShuffleIsAPermutation()
    {
        foreach (var (rows, pool) in new[] { (1000, 100), (50, 100), (0, 10), (1, 1), (17, 17) })
        {
            var ids = ShuffledIds(rows, 7, pool);
            CollectionAssert.AreEquivalent(Enumerable.Range(0, rows).ToArray(), ids, $"rows {rows}, pool {pool}");
        }
    }

    [TestMethod]
    public void ShuffleIsDeterministicPerSeedAndReordersRows()
    {
        var first = ShuffledIds(1000, 7, 100);
        CollectionAssert.AreEqual(first, ShuffledIds(1000, 7, 100));
        CollectionAssert.AreNotEqual(first, ShuffledIds(1000, 8, 100));
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 1000).ToArray(), first);
    }

    [TestMethod]
    public void PoolBoundsHowFarARowMovesForward()
    {
        // A row can leave the pool only after it entered it: row i is emitted no earlier than position i - poolSize.
        var ids = ShuffledIds(2000, 3, 50);
        for (int position = 0; position < ids.Length; position++)
            Assert.IsTrue(ids[position] <= position + 50, $"row {ids[position]} at position {position}");
    }

    [TestMethod]
    public void ValuesTravelWithTheirRowsAndIds()
    {
        var context = new MLContext();
        var data = context.Data.ShuffleRows(context.Data.LoadFromEnumerable(LabeledRow.Generate(300, "a")), 5, 20);
        using var cursor = data.GetRowCursorForAllColumns();
        var id = cursor.GetGetter<int>(data.Schema["Id"]);
        var value = cursor.GetGetter<float>(data.Schema["Value"]);
        var rowId = cursor.GetIdGetter();
        while (cursor.MoveNext())
        {
            int i = 0;
            float v = 0;
            DataViewRowId r = default;
            id(ref i);
            value(ref v);
            rowId(ref r);
            Assert.AreEqual(i * 0.5f, v);
            Assert.AreEqual((ulong)i, r.Low);
        }
    }
}
