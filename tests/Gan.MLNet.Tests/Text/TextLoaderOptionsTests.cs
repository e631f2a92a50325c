using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Text;

[TestClass]
public sealed class TextLoaderOptionsTests
{
    [TestMethod]
    public void OptionsOverloadAndReusableLoader()
    {
        using var folder = new TempFolder();
        var options = new TextLoader.Options
        {
            Columns = [new TextLoader.Column("Label", DataKind.String, 0), new TextLoader.Column("Pixels", DataKind.Single, [new TextLoader.Range(1, 2), new TextLoader.Range(4)])],
            Separator = '|',
            HasHeader = true,
            TrimWhitespace = true,
        };
        var context = new MLContext();
        var data = context.Data.LoadFromTextFile(folder.Write("a.txt", "label|p0|p1|skip|p2\n cat | 1 | 2 |x| 3\n"), options);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), data.Schema["Pixels"].Type);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, data.GetColumn<VBuffer<float>>("Pixels").Single().ToArray());
        Assert.AreEqual("cat", data.GetColumn<ReadOnlyMemory<char>>("Label").Single().ToString());

        var loader = context.Data.CreateTextLoader(options);
        options.Separator = ',';
        var second = loader.Load(folder.Write("b.txt", "a|b|c|d|e\ndog|4|5|y|6\n"));
        Assert.AreEqual("dog", second.GetColumn<ReadOnlyMemory<char>>("Label").Single().ToString(), "the loader keeps the options it was created with");
        Assert.HasCount(2, loader.Columns);
    }

    [TestMethod]
    public void InvalidLayoutsAreRefusedUpFront()
    {
        var context = new MLContext();
        Assert.ThrowsExactly<ArgumentException>(() => context.Data.CreateTextLoader(new TextLoader.Options()));
        Assert.ThrowsExactly<ArgumentException>(() => context.Data.CreateTextLoader(new TextLoader.Options { Columns = [new("A", DataKind.Int32, 0), new("A", DataKind.Int32, 1)] }));
        Assert.ThrowsExactly<ArgumentException>(() => context.Data.CreateTextLoader(new TextLoader.Options { Columns = [new("A", DataKind.Int32, 0)], Separator = '"' }));
        Assert.ThrowsExactly<ArgumentException>(() => new TextLoader.Column("K", DataKind.Single, [new TextLoader.Range(0)], keyCount: 3));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TextLoader.Range(3, 2));
    }

    private sealed class MismatchedVector
    {
        [LoadColumn(0, 2), VectorType(4)]
        public float[] V = [];
    }

    [TestMethod]
    public void PocoVectorSizeMustMatchItsRange()
    {
        using var folder = new TempFolder();
        string path = folder.Write("v.csv", "1,2,3\n");
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext().Data.LoadFromTextFile<MismatchedVector>(path, ','));
        Assert.Contains("is a vector of 4 items but [LoadColumn] gives 3 fields", error.Message);
    }
}
