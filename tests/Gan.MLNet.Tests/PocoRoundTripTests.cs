using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class PocoRoundTripTests
{
    private static AllTypesRow[] Sample() =>
    [
        new() { Single = 1.25f, Double = -2.5, Int32 = 7, Int64 = 1L << 40, Boolean = true, Text = "first", FixedVector = [1, 2, 3, 4, 5, 6], VariableVector = [0.5], Category = 3 },
        new() { Single = float.NaN, Double = double.MaxValue, Int32 = -1, Int64 = -5, Boolean = false, Text = "", FixedVector = [6, 5, 4, 3, 2, 1], VariableVector = [1, 2, 3], Category = 0 },
    ];

    [TestMethod]
    public void SchemaFollowsMembersAndAttributes()
    {
        var schema = new MLContext().Data.LoadFromEnumerable(Sample()).Schema;
        CollectionAssert.AreEqual(new[] { "Single", "Double", "Int32", "Int64", "Boolean", "Text", "Features", "VariableVector", "Category" }, schema.Select(c => c.Name).ToArray());
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2, 3), schema["Features"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Double), schema["VariableVector"].Type);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 5), schema["Category"].Type);
        Assert.AreEqual(TextDataViewType.Instance, schema["Text"].Type);
    }

    [TestMethod]
    public void EveryTypeSurvivesTheRoundTrip()
    {
        var context = new MLContext();
        var rows = context.Data.CreateEnumerable<AllTypesRow>(context.Data.LoadFromEnumerable(Sample()), reuseRowObject: false).ToArray();
        var expected = Sample();
        Assert.HasCount(2, rows);
        for (int i = 0; i < 2; i++)
        {
            Assert.AreEqual(expected[i].Single, rows[i].Single);
            Assert.AreEqual(expected[i].Double, rows[i].Double);
            Assert.AreEqual(expected[i].Int32, rows[i].Int32);
            Assert.AreEqual(expected[i].Int64, rows[i].Int64);
            Assert.AreEqual(expected[i].Boolean, rows[i].Boolean);
            Assert.AreEqual(expected[i].Text, rows[i].Text);
            CollectionAssert.AreEqual(expected[i].FixedVector, rows[i].FixedVector);
            CollectionAssert.AreEqual(expected[i].VariableVector, rows[i].VariableVector);
            Assert.AreEqual(expected[i].Category, rows[i].Category);
            Assert.AreEqual("not a column", rows[i].Ignored);
        }
        Assert.AreNotSame(rows[0], rows[1]);
    }

    [TestMethod]
    public void ReusedRowObjectIsOneObject()
    {
        var context = new MLContext();
        var rows = context.Data.CreateEnumerable<AllTypesRow>(context.Data.LoadFromEnumerable(Sample()), reuseRowObject: true);
        var seen = new List<(AllTypesRow Row, string Text)>();
        foreach (var row in rows)
            seen.Add((row, row.Text));
        Assert.AreSame(seen[0].Row, seen[1].Row);
        CollectionAssert.AreEqual(new[] { "first", "" }, seen.Select(s => s.Text).ToArray());
    }

    private sealed class Narrow
    {
        public float Single { get; set; }
        public string Missing = "default";
    }

    [TestMethod]
    public void MissingColumnsFailOrAreIgnoredOnRequest()
    {
        var context = new MLContext();
        var data = context.Data.LoadFromEnumerable(Sample());
        var error = Assert.ThrowsExactly<ColumnNotFoundException>(() => context.Data.CreateEnumerable<Narrow>(data, reuseRowObject: false));
        StringAssert.StartsWith(error.Message, "Column 'Missing' not found; the schema has: Single, Double");
        var rows = context.Data.CreateEnumerable<Narrow>(data, reuseRowObject: false, ignoreMissingColumns: true).ToArray();
        Assert.AreEqual(1.25f, rows[0].Single);
        Assert.AreEqual("default", rows[0].Missing);
    }

    private sealed class WrongMember
    {
        public int Text { get; set; }
    }

    [TestMethod]
    public void IncompatibleMemberNamesColumnAndTypes()
    {
        var context = new MLContext();
        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => context.Data.CreateEnumerable<WrongMember>(context.Data.LoadFromEnumerable(Sample()), false));
        Assert.AreEqual("Text", error.ColumnName);
        Assert.AreEqual("String", error.ActualType);
    }

    private sealed class Unsupported
    {
        public decimal Price { get; set; }
    }

    [TestMethod]
    public void UnsupportedMemberTypeIsRefusedWithItsName()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Data.LoadFromEnumerable(new[] { new Unsupported() }));
        StringAssert.Contains(error.Message, "Member 'Unsupported.Price' of type Decimal cannot be a column");
    }

    [TestMethod]
    public void WrongVectorLengthNamesColumnAndRow()
    {
        var rows = Sample();
        rows[1].FixedVector = [1, 2];
        var data = new MLContext().Data.LoadFromEnumerable(rows);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => data.GetColumn<VBuffer<float>>("Features").ToArray());
        Assert.AreEqual("Column 'Features' is a vector of 6 items, but the object at row 1 has 2 in 'FixedVector'.", error.Message);
    }

    [TestMethod]
    public void RowCountIsKnownOnlyForCollections()
    {
        var data = new MLContext().Data;
        Assert.AreEqual(2L, data.LoadFromEnumerable(Sample()).GetRowCount());
        Assert.IsNull(data.LoadFromEnumerable(Sample().Where(_ => true)).GetRowCount());
    }

    [TestMethod]
    public void SequenceIsEnumeratedLazilyOncePerCursor()
    {
        int enumerations = 0, produced = 0;
        IEnumerable<AllTypesRow> Generate()
        {
            enumerations++;
            for (int i = 0; i < 10; i++)
            {
                produced++;
                yield return new AllTypesRow { Int32 = i, FixedVector = new float[6] };
            }
        }
        var data = new MLContext().Data.LoadFromEnumerable(Generate());
        Assert.AreEqual(0, enumerations);
        using (var cursor = data.GetRowCursor(data.Schema["Int32"]))
        {
            cursor.MoveNext();
            cursor.MoveNext();
            Assert.AreEqual(1, enumerations);
            Assert.AreEqual(2, produced);
        }
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).ToArray(), data.GetColumn<int>("Int32").ToArray());
        Assert.AreEqual(2, enumerations);
    }
}
