using Gan.MLNet.Data;

namespace Gan.MLNet.Tests;

/// <summary>
/// A column type defined outside the library (shaped like the coming image type: a class raw type with an optional
/// fixed height and width) works with loading, caching, shuffling, copying and reading back, with no change to the library.
/// </summary>
[TestClass]
public sealed class CustomTypeTests
{
    public sealed class Picture(int height, int width, byte fill)
    {
        public int Height { get; } = height;
        public int Width { get; } = width;
        public byte Fill { get; } = fill;
    }

    private sealed class PictureDataViewType(int height = 0, int width = 0) : StructuredDataViewType(typeof(Picture))
    {
        public int Height { get; } = height;
        public int Width { get; } = width;
        public override bool Equals(DataViewType? other) => other is PictureDataViewType p && p.Height == Height && p.Width == Width;
        public override int GetHashCode() => HashCode.Combine(Height, Width);
        public override string ToString() => Height == 0 ? "Picture" : $"Picture<{Height}, {Width}>";
    }

    private sealed class PictureTypeAttribute(int height, int width) : DataViewTypeAttribute
    {
        public override DataViewType GetColumnType(Type memberType) => new PictureDataViewType(height, width);
    }

    private sealed class Row
    {
        public string Name { get; set; } = "";

        [PictureType(2, 3)]
        public Picture? Image { get; set; }
    }

    [TestMethod]
    public void CustomColumnTypeFlowsThroughTheLayer()
    {
        var context = new MLContext(1);
        var rows = Enumerable.Range(0, 20).Select(i => new Row { Name = $"p{i}", Image = new Picture(2, 3, (byte)i) }).ToList();
        var data = context.Data.LoadFromEnumerable(rows);
        Assert.AreEqual("Picture<2, 3>", data.Schema["Image"].Type.ToString());
        Assert.AreEqual(SchemaShape.Column.VectorKind.Scalar, SchemaShape.Create(data.Schema).FindColumn("Image").Kind);

        var copied = context.Transforms.CopyColumns("Copy", "Image").Fit(data).Transform(data);
        var shuffled = context.Data.ShuffleRows(context.Data.Cache(copied), seed: 3, shufflePoolSize: 5);
        var back = context.Data.CreateEnumerable<Row>(context.Transforms.SelectColumns("Name", "Copy").Fit(shuffled).Transform(shuffled), reuseRowObject: false, ignoreMissingColumns: true).ToList();
        Assert.HasCount(20, back);
        Assert.IsTrue(back.All(r => r.Image is null), "Image is not selected, so it stays unset");

        var pictures = context.Data.CreateEnumerable<CopyRow>(shuffled, reuseRowObject: false).ToList();
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 20).Select(i => (byte)i).ToArray(), pictures.Select(p => p.Copy!.Fill).ToArray());
        Assert.IsTrue(pictures.All(p => p.Copy!.Fill.ToString() == p.Name[1..]));

        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.Concatenate("X", "Image").Fit(data));
        Assert.AreEqual("Schema mismatch for input column 'Image': expected a scalar or vector of numbers, booleans, text or keys, got Picture<2, 3>.", error.Message);
    }

    private sealed class CopyRow
    {
        public string Name { get; set; } = "";
        public Picture? Copy { get; set; }
    }
}
