using System.Globalization;
using System.Text;
using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Text;

[TestClass]
public sealed class TextRoundTripTests
{
    /// <summary>Every type SaveAsText writes, laid out as SaveAsText lays it out (a vector's items are consecutive fields).</summary>
    private sealed class Row
    {
        [LoadColumn(0)] public float Single;
        [LoadColumn(1)] public double Double;
        [LoadColumn(2)] public int Int32;
        [LoadColumn(3)] public long Int64;
        [LoadColumn(4)] public bool Boolean;
        [LoadColumn(5)] public string Text = "";
        [LoadColumn(6, 8), VectorType(3)] public float[] Vector = [];
        [LoadColumn(9), KeyType(4)] public uint Key;
    }

    private static Row[] Sample() =>
    [
        new() { Single = 1.1f, Double = Math.PI, Int32 = int.MinValue, Int64 = long.MaxValue, Boolean = true, Text = "plain", Vector = [0.1f, -2.5e-8f, 3e30f], Key = 4 },
        new() { Single = float.NaN, Double = -0.0, Int32 = 0, Int64 = -1, Boolean = false, Text = "a,b\t\"quoted\"\nnext line", Vector = [float.PositiveInfinity, float.NegativeInfinity, float.Epsilon], Key = 0 },
        new() { Single = -3.4028235e38f, Double = 5e-324, Int32 = 42, Int64 = 0, Boolean = true, Text = " spaced ", Vector = [1, 2, 3], Key = 1 },
    ];

    private static void AssertSameRows(Row[] expected, Row[] actual)
    {
        Assert.HasCount(expected.Length, actual);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(BitConverter.SingleToInt32Bits(expected[i].Single), BitConverter.SingleToInt32Bits(actual[i].Single), $"row {i}");
            Assert.AreEqual(BitConverter.DoubleToInt64Bits(expected[i].Double), BitConverter.DoubleToInt64Bits(actual[i].Double), $"row {i}");
            Assert.AreEqual(expected[i].Int32, actual[i].Int32);
            Assert.AreEqual(expected[i].Int64, actual[i].Int64);
            Assert.AreEqual(expected[i].Boolean, actual[i].Boolean);
            Assert.AreEqual(expected[i].Text, actual[i].Text);
            CollectionAssert.AreEqual(expected[i].Vector, actual[i].Vector);
            Assert.AreEqual(expected[i].Key, actual[i].Key);
        }
    }

    private static Row[] RoundTrip(char separator)
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        string path = folder.File("rows.csv");
        context.Data.SaveAsText(context.Data.LoadFromEnumerable(Sample()), path, separator);
        var loaded = context.Data.LoadFromTextFile<Row>(path, separator, hasHeader: true, allowQuoting: true);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 4), loaded.Schema["Key"].Type);
        return context.Data.CreateEnumerable<Row>(loaded, reuseRowObject: false).ToArray();
    }

    [TestMethod]
    public void EveryTypeSurvivesCsvAndTsv()
    {
        AssertSameRows(Sample(), RoundTrip(','));
        AssertSameRows(Sample(), RoundTrip('\t'));
    }

    [TestMethod]
    public void NumbersAreCultureInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.AreEqual("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            AssertSameRows(Sample(), RoundTrip(','));
            using var folder = new TempFolder();
            var data = new MLContext().Data.LoadFromTextFile(folder.Write("de.csv", "1.5;2,5\n"), [new TextLoader.Column("X", DataKind.Double, 0)], ';');
            Assert.AreEqual(1.5, data.GetColumn<double>("X").Single());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [TestMethod]
    public void HeaderNamesVectorItemsAndFieldsAreQuotedOnlyWhenNeeded()
    {
        var context = new MLContext();
        using var stream = new MemoryStream();
        context.Data.SaveAsText(context.Data.LoadFromEnumerable(Sample()), stream, ',');
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.AreEqual("Single,Double,Int32,Int64,Boolean,Text,Vector.0,Vector.1,Vector.2,Key", lines[0]);
        Assert.AreEqual("1.1,3.141592653589793,-2147483648,9223372036854775807,true,plain,0.1,-2.5E-08,3E+30,4", lines[1]);
        Assert.AreEqual("NaN,-0,0,-1,false,\"a,b\t\"\"quoted\"\"", lines[2]);
        Assert.IsTrue(stream.CanWrite, "the stream is left open");
    }

    [TestMethod]
    public void VariableSizeVectorsAreRefused()
    {
        var context = new MLContext();
        var data = context.Data.LoadFromEnumerable(new[] { new AllTypesRow { VariableVector = [1] } });
        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => context.Data.SaveAsText(data, new MemoryStream()));
        Assert.AreEqual("VariableVector", error.ColumnName);
    }

    private static IEnumerable<Row> FailAfter(int rows)
    {
        foreach (var row in Sample().Take(rows))
            yield return row;
        throw new IOException("source failed");
    }

    [TestMethod]
    public void FailedSaveLeavesTheDestinationUntouched()
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        string path = folder.Write("out.csv", "previous content");
        Assert.ThrowsExactly<IOException>(() => context.Data.SaveAsText(context.Data.LoadFromEnumerable(FailAfter(2)), path, ','));
        Assert.AreEqual("previous content", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(folder.Path), "the temporary file is removed");

        string fresh = folder.File("fresh.csv");
        Assert.ThrowsExactly<IOException>(() => context.Data.SaveAsText(context.Data.LoadFromEnumerable(FailAfter(1)), fresh, ','));
        Assert.IsFalse(File.Exists(fresh));
        Assert.HasCount(1, Directory.GetFiles(folder.Path));
    }

    [TestMethod]
    public void SaveReplacesAnExistingFile()
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        string path = folder.Write("out.csv", "previous content");
        context.Data.SaveAsText(context.Data.LoadFromEnumerable(Sample()), path, ',');
        Assert.StartsWith("Single,Double", File.ReadAllText(path));
    }
}
