using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Text;

[TestClass]
public sealed class TextLoaderTests
{
    private sealed class Person
    {
        [LoadColumn(0)]
        public string Name { get; set; } = "";

        [LoadColumn(1), ColumnName("Age")]
        public float Years { get; set; }

        [LoadColumn(2)]
        public bool Member { get; set; }

        [LoadColumn(3, 5)]
        public float[] Scores { get; set; } = [];
    }

    private static TextLoader.Column[] PersonColumns =>
    [
        new("Name", DataKind.String, 0),
        new("Age", DataKind.Single, 1),
        new("Member", DataKind.Boolean, 2),
        new("Scores", DataKind.Single, 3, 5),
    ];

    [TestMethod]
    public void PocoAttributesDefineTheSchema()
    {
        using var folder = new TempFolder();
        var data = new MLContext().Data.LoadFromTextFile<Person>(folder.Write("p.csv", "Ann,31,true,1,2,3\n"), ',');
        CollectionAssert.AreEqual(new[] { "Name", "Age", "Member", "Scores" }, data.Schema.Select(c => c.Name).ToArray());
        Assert.AreEqual(TextDataViewType.Instance, data.Schema["Name"].Type);
        Assert.AreEqual(NumberDataViewType.Single, data.Schema["Age"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), data.Schema["Scores"].Type);
        Assert.IsNull(data.GetRowCount());
    }

    [TestMethod]
    public void ReadsEveryTypeFromAHeaderedFile()
    {
        using var folder = new TempFolder();
        string path = folder.Write("all.tsv", "s\td\ti\tl\tb\tt\tk\tv0\tv1\n1.5\t-2.25\t-7\t1099511627776\tTRUE\thello\t2\t0.5\t\n\t1e300\t0\t-1\t0\t\t0\t3\t4\n");
        TextLoader.Column[] columns =
        [
            new("S", DataKind.Single, 0), new("D", DataKind.Double, 1), new("I", DataKind.Int32, 2), new("L", DataKind.Int64, 3),
            new("B", DataKind.Boolean, 4), new("T", DataKind.String, 5), new("K", DataKind.UInt32, [new TextLoader.Range(6)], keyCount: 3),
            new("V", DataKind.Single, 7, 8),
        ];
        var data = new MLContext().Data.LoadFromTextFile(path, columns, hasHeader: true);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 3), data.Schema["K"].Type);
        CollectionAssert.AreEqual(new[] { 1.5f, float.NaN }, data.GetColumn<float>("S").ToArray());
        CollectionAssert.AreEqual(new[] { -2.25, 1e300 }, data.GetColumn<double>("D").ToArray());
        CollectionAssert.AreEqual(new[] { -7, 0 }, data.GetColumn<int>("I").ToArray());
        CollectionAssert.AreEqual(new[] { 1L << 40, -1L }, data.GetColumn<long>("L").ToArray());
        CollectionAssert.AreEqual(new[] { true, false }, data.GetColumn<bool>("B").ToArray());
        CollectionAssert.AreEqual(new[] { "hello", "" }, data.GetColumn<ReadOnlyMemory<char>>("T").Select(t => t.ToString()).ToArray());
        CollectionAssert.AreEqual(new[] { 2u, 0u }, data.GetColumn<uint>("K").ToArray());
        var vectors = data.GetColumn<VBuffer<float>>("V").Select(v => v.ToArray()).ToArray();
        CollectionAssert.AreEqual(new[] { 0.5f, float.NaN }, vectors[0]);
        CollectionAssert.AreEqual(new[] { 3f, 4f }, vectors[1]);
    }

    [TestMethod]
    public void EachCursorReadsTheFileAgain()
    {
        using var folder = new TempFolder();
        string path = folder.Write("p.csv", "Ann,31,1,1,2,3\n");
        var data = new MLContext().Data.LoadFromTextFile<Person>(path, ',');
        Assert.AreEqual(31f, data.GetColumn<float>("Age").Single());
        File.WriteAllText(path, "Bob,40,0,1,2,3\nCy,50,0,1,2,3\n");
        CollectionAssert.AreEqual(new[] { 40f, 50f }, data.GetColumn<float>("Age").ToArray());
    }

    [TestMethod]
    public void QuotedFieldsAndTrimming()
    {
        using var folder = new TempFolder();
        string path = folder.Write("q.csv", "\"Smith, \"\"J\"\"\nline 2\",  4 ,0,1,2,3\n");
        var data = new MLContext().Data.LoadFromTextFile<Person>(path, ',', allowQuoting: true, trimWhitespace: true);
        Assert.AreEqual("Smith, \"J\"\nline 2", data.GetColumn<ReadOnlyMemory<char>>("Name").Single().ToString());
        Assert.AreEqual(4f, data.GetColumn<float>("Age").Single());
    }

    [TestMethod]
    public void OnlyRequestedColumnsAreParsed()
    {
        using var folder = new TempFolder();
        // Age does not parse, but a cursor over Name alone never looks at it.
        var data = new MLContext().Data.LoadFromTextFile(folder.Write("p.csv", "Ann,abc,1,1,2,3\n"), PersonColumns, ',');
        Assert.AreEqual("Ann", data.GetColumn<ReadOnlyMemory<char>>("Name").Single().ToString());
        Assert.ThrowsExactly<TextLoaderException>(() => data.GetColumn<float>("Age").ToArray());
    }

    [TestMethod]
    public void UnparsableNumberNamesFileLineAndColumn()
    {
        using var folder = new TempFolder();
        string path = folder.Write("train.csv", "Name,Age,Member,S0,S1,S2\nAnn,31,1,1,2,3\n\nBob,abc,0,1,2,3\n");
        var data = new MLContext().Data.LoadFromTextFile<Person>(path, ',', hasHeader: true);
        var error = Assert.ThrowsExactly<TextLoaderException>(() => data.GetColumn<float>("Age").ToArray());
        Assert.AreEqual($"train.csv line 4, column 'Age' (field 1): 'abc' is not a Single (file {path})", error.Message);
        Assert.AreEqual(path, error.FilePath);
        Assert.AreEqual(4L, error.Line);
        Assert.AreEqual("Age", error.ColumnName);
        Assert.AreEqual(1, error.FieldIndex);
    }

    [TestMethod]
    public void BadBooleanAndKeyOutOfRangeAreNamed()
    {
        using var folder = new TempFolder();
        var data = new MLContext().Data.LoadFromTextFile<Person>(folder.Write("b.csv", "Ann,1,yes,1,2,3\n"), ',');
        Assert.StartsWith("b.csv line 1, column 'Member' (field 2): 'yes' is not a Boolean", Assert.ThrowsExactly<TextLoaderException>(() => data.GetColumn<bool>("Member").ToArray()).Message);
        var keys = new MLContext().Data.LoadFromTextFile(folder.Write("k.csv", "1\n4\n"), [new TextLoader.Column("K", DataKind.UInt32, [new TextLoader.Range(0)], keyCount: 3)]);
        Assert.StartsWith("k.csv line 2, column 'K' (field 0): '4' is not a key in 0..3", Assert.ThrowsExactly<TextLoaderException>(() => keys.GetColumn<uint>("K").ToArray()).Message);
    }

    [TestMethod]
    public void WrongFieldCountNamesTheLine()
    {
        using var folder = new TempFolder();
        string path = folder.Write("f.csv", "Ann,31,1,1,2,3\nBob,40,0,1,2\n");
        var data = new MLContext().Data.LoadFromTextFile<Person>(path, ',');
        var error = Assert.ThrowsExactly<TextLoaderException>(() => data.GetColumn<float>("Age").ToArray());
        Assert.AreEqual($"f.csv line 2: the line has 5 fields but the first line has 6 (file {path})", error.Message);
        Assert.IsNull(error.ColumnName);
    }

    [TestMethod]
    public void TooFewFieldsForAColumnNamesIt()
    {
        using var folder = new TempFolder();
        var data = new MLContext().Data.LoadFromTextFile<Person>(folder.Write("short.csv", "Ann,31,1,1,2\n"), ',');
        Assert.StartsWith("short.csv line 1, column 'Scores' (field 5): the line has only 5 fields", Assert.ThrowsExactly<TextLoaderException>(() => data.GetColumn<float>("Age").ToArray()).Message);
    }

    [TestMethod]
    public void UnterminatedQuoteNamesTheLine()
    {
        using var folder = new TempFolder();
        var data = new MLContext().Data.LoadFromTextFile<Person>(folder.Write("u.csv", "Ann,31,1,1,2,3\n\"Bob,40,0,1,2,3\nCy,50,0,1,2,3\n"), ',', allowQuoting: true);
        var error = Assert.ThrowsExactly<TextLoaderException>(() => data.GetColumn<float>("Age").ToArray());
        Assert.AreEqual(2L, error.Line);
        Assert.StartsWith("u.csv line 2: bad quoting", error.Message);
    }

    [TestMethod]
    public void EmptyFileWithHeaderExpectedIsRefusedAtLoad()
    {
        using var folder = new TempFolder();
        string path = folder.Write("empty.csv", "");
        var error = Assert.ThrowsExactly<TextLoaderException>(() => new MLContext().Data.LoadFromTextFile<Person>(path, ',', hasHeader: true));
        Assert.AreEqual($"empty.csv line 1: the file is empty but a header line was expected (file {path})", error.Message);
        // Without a header an empty file is simply no rows.
        Assert.IsEmpty(new MLContext().Data.LoadFromTextFile<Person>(path, ',').GetColumn<float>("Age").ToArray());
    }

    [TestMethod]
    public void MissingFileNamesThePath()
    {
        using var folder = new TempFolder();
        string path = folder.File("missing.csv");
        var error = Assert.ThrowsExactly<FileNotFoundException>(() => new MLContext().Data.LoadFromTextFile<Person>(path));
        Assert.AreEqual(path, error.FileName);
        Assert.Contains(path, error.Message);
    }

    [TestMethod]
    public void SkippedRowsAreCountedAndLogged()
    {
        using var folder = new TempFolder();
        string path = folder.Write("s.csv", string.Join("\n",
            "Ann,31,1,1,2,3",
            "Bob,abc,0,1,2,3",
            "Cy,50,0,1,2",
            "Di,60,maybe,1,2,3",
            "Ed,70,0,1,2,3",
            "Fay,x,0,1,2,3",
            "Gus,y,0,1,2,3",
            "Hal,z,0,1,2,3",
            "Jo,w,0,1,2,3",
            "Ivy,80,1,1,2,3") + "\n");
        var context = new MLContext();
        var warnings = new List<LoggingEventArgs>();
        context.Log += (_, e) => warnings.Add(e);
        var data = context.Data.LoadFromTextFile<Person>(path, ',', malformedRows: MalformedRowHandling.Skip);
        // Line 4's bad Boolean is not read: a cursor over Age parses Age only.
        CollectionAssert.AreEqual(new[] { 31f, 60f, 70f, 80f }, data.GetColumn<float>("Age").ToArray());
        Assert.AreEqual(6L, data.SkippedRowCount);
        var warning = warnings.Single();
        Assert.AreEqual(ChannelMessageKind.Warning, warning.Kind);
        Assert.AreEqual("s.csv: skipped 6 malformed rows (lines 2, 3, 6, 7, 8, ...).", warning.RawMessage);
        // Rows are malformed only through the columns read: Name alone parses everywhere but line 3 (too few fields).
        Assert.HasCount(9, data.GetColumn<ReadOnlyMemory<char>>("Name").ToArray());
        Assert.AreEqual(1L, data.SkippedRowCount);
        Assert.HasCount(3, context.Data.CreateEnumerable<Person>(data, reuseRowObject: false).ToArray());
        Assert.AreEqual(7L, data.SkippedRowCount);
    }

    [TestMethod]
    public void SkippedBadQuotingIsCounted()
    {
        using var folder = new TempFolder();
        var data = new MLContext().Data.LoadFromTextFile<Person>(folder.Write("q.csv", "Ann,31,1,1,2,3\nB\"ob,40,0,1,2,3\nCy,50,0,1,2,3\n"), ',', allowQuoting: true, malformedRows: MalformedRowHandling.Skip);
        CollectionAssert.AreEqual(new[] { 31f, 50f }, data.GetColumn<float>("Age").ToArray());
        Assert.AreEqual(1L, data.SkippedRowCount);
    }

    [TestMethod]
    public void PocoWithoutLoadColumnIsRefused()
    {
        using var folder = new TempFolder();
        string path = folder.Write("x.csv", "1\n");
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext().Data.LoadFromTextFile<AllTypesRow>(path));
        Assert.Contains("has no [LoadColumn]", error.Message);
    }
}
