using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class GetterTests
{
    private static IDataView Rows() => new MLContext(1).Data.LoadFromEnumerable(new[]
    {
        new AllTypesRow { Single = 1.5f, Text = "a", FixedVector = [1, 2, 3, 4, 5, 6] },
        new AllTypesRow { Single = 2.5f, Text = "b", FixedVector = [6, 5, 4, 3, 2, 1] },
    });

    [TestMethod]
    public void WrongRawTypeNamesColumnTypeAndRequestedType()
    {
        var data = Rows();
        using var cursor = data.GetRowCursorForAllColumns();
        var error = Assert.ThrowsExactly<GetterTypeMismatchException>(() => cursor.GetGetter<double>(data.Schema["Single"]));
        Assert.AreEqual("Column 'Single' has type Single, read as Single; a getter of Double was requested.", error.Message);
        var vectorError = Assert.ThrowsExactly<GetterTypeMismatchException>(() => cursor.GetGetter<float[]>(data.Schema["Features"]));
        StringAssert.Contains(vectorError.Message, "Vector<Single, 2, 3>, read as VBuffer<Single>");
        Assert.IsInstanceOfType<InvalidOperationException>(error);
    }

    [TestMethod]
    public void InactiveColumnIsRefused()
    {
        var data = Rows();
        using var cursor = data.GetRowCursor(data.Schema["Single"]);
        Assert.IsTrue(cursor.IsColumnActive(data.Schema["Single"]));
        Assert.IsFalse(cursor.IsColumnActive(data.Schema["Text"]));
        var error = Assert.ThrowsExactly<InactiveColumnException>(() => cursor.GetGetter<ReadOnlyMemory<char>>(data.Schema["Text"]));
        Assert.AreEqual("Text", error.ColumnName);
    }

    [TestMethod]
    public void ColumnOfAnotherSchemaIsRefused()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Other", NumberDataViewType.Single);
        var foreign = builder.ToSchema()["Other"];
        using var cursor = Rows().GetRowCursorForAllColumns();
        Assert.ThrowsExactly<ColumnNotFoundException>(() => cursor.GetGetter<float>(foreign));
    }

    [TestMethod]
    public void PositionAndIdsFollowTheRows()
    {
        var data = Rows();
        using var cursor = data.GetRowCursor(data.Schema["Single"]);
        var getter = cursor.GetGetter<float>(data.Schema["Single"]);
        var id = cursor.GetIdGetter();
        Assert.AreEqual(-1, cursor.Position);
        var seen = new List<(long, float, DataViewRowId)>();
        while (cursor.MoveNext())
        {
            float value = 0;
            DataViewRowId rowId = default;
            getter(ref value);
            id(ref rowId);
            seen.Add((cursor.Position, value, rowId));
        }
        Assert.AreEqual(-1, cursor.Position);
        CollectionAssert.AreEqual(new[] { (0L, 1.5f, new DataViewRowId(0, 0)), (1L, 2.5f, new DataViewRowId(1, 0)) }, seen);
        Assert.IsFalse(cursor.MoveNext());
    }
}
