using Gan.Imaging;
using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;

namespace Gan.MLNet.Tests.Images;

[TestClass]
public sealed class ImageSchemaTests
{
    private sealed class FixedRow
    {
        [ImageType(3, 5)]
        public Image? Picture { get; set; }
    }

    [TestMethod]
    public void ImageTypesDescribeTheirSize()
    {
        Assert.AreEqual("Image", new ImageDataViewType().ToString());
        Assert.AreEqual("Image<3, 5>", new ImageDataViewType(3, 5).ToString());
        Assert.AreEqual(new ImageDataViewType(3, 5), new ImageDataViewType(3, 5));
        Assert.AreNotEqual(new ImageDataViewType(3, 5), new ImageDataViewType(5, 3));
        var context = new MLContext(1);
        Assert.AreEqual(new ImageDataViewType(3, 5), context.Data.LoadFromEnumerable([new FixedRow()]).Schema["Picture"].Type);
        Assert.AreEqual(new ImageDataViewType(), context.Data.LoadFromEnumerable([new ImageTestData.ImageRow()]).Schema["Picture"].Type);
    }

    [TestMethod]
    public void TypesPropagateThroughTheChain()
    {
        var context = new MLContext(1);
        var data = ImageTestData.Paths(context, "a.png");
        var pipeline = context.Transforms.LoadImages("Image", null, "Path")
            .Append(context.Transforms.ResizeImages("Small", 4, 2, "Image"))
            .Append(context.Transforms.ConvertToGrayscale("Gray", "Small"))
            .Append(context.Transforms.ExtractPixels("Planar", "Small"))
            .Append(context.Transforms.ExtractPixels("Interleaved", "Gray", ColorBits.All, interleavePixelColors: true))
            .Append(context.Transforms.ConvertToImage(2, 4, "Back", "Planar"));
        var shape = pipeline.GetOutputSchema(SchemaShape.Create(data.Schema));
        var schema = pipeline.Fit(data).Transform(data).Schema;
        Assert.AreEqual("Image", schema["Image"].Type.ToString());
        Assert.AreEqual("Image<2, 4>", schema["Small"].Type.ToString());
        Assert.AreEqual("Image<2, 4>", schema["Gray"].Type.ToString());
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3, 2, 4), schema["Planar"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2, 4, 4), schema["Interleaved"].Type);
        Assert.AreEqual("Image<2, 4>", schema["Back"].Type.ToString());
        foreach (string name in (string[])["Image", "Small", "Gray", "Back"])
            Assert.AreEqual(schema[name].Type, shape.FindColumn(name).ItemType, name);
        foreach (string name in (string[])["Planar", "Interleaved"])
            Assert.AreEqual(SchemaShape.Column.FromType(name, schema[name].Type).ToString(), shape.FindColumn(name).ToString(), name);
    }

    [TestMethod]
    public void ExtractPixelsNeedsAnImageOfKnownSize()
    {
        var context = new MLContext(1);
        var data = ImageTestData.Paths(context, "a.png");
        var loaded = context.Transforms.LoadImages("Image", null, "Path").Fit(data).Transform(data);
        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.ExtractPixels("Pixels", "Image").Fit(loaded));
        Assert.AreEqual("Image", error.ColumnName);
        StringAssert.Contains(error.Message, "image of known size");
        var shapeError = Assert.ThrowsExactly<SchemaMismatchException>(() =>
            context.Transforms.ExtractPixels("Pixels", "Image").GetOutputSchema(SchemaShape.Create(loaded.Schema)));
        Assert.AreEqual("Image", shapeError.ColumnName);
    }

    [TestMethod]
    public void WrongInputTypesAreRefusedNamingTheColumn()
    {
        var context = new MLContext(1);
        var data = ImageTestData.Paths(context, "a.png");
        Assert.AreEqual("Path", Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.ResizeImages("R", 2, 2, "Path").Fit(data)).ColumnName);
        Assert.AreEqual("Path", Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.ConvertToGrayscale("G", "Path").Fit(data)).ColumnName);
        Assert.AreEqual("Path", Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.ConvertToImage(2, 2, "I", "Path").Fit(data)).ColumnName);
        var loaded = context.Transforms.LoadImages("Image", null, "Path").Fit(data).Transform(data);
        Assert.AreEqual("Image", Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.LoadImages("Again", null, "Image").Fit(loaded)).ColumnName);
        Assert.ThrowsExactly<NotSupportedException>(() => context.Transforms.ExtractPixels("P", "Image", outputAsFloatArray: false));
    }

    [TestMethod]
    public void ImageColumnsOfTheInputSchemaSaveAndLoad()
    {
        using var folder = new TempFolder();
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable([new FixedRow { Picture = ImageTestData.Pattern(5, 3) }]);
        var model = context.Transforms.ExtractPixels("Pixels", "Picture").Fit(data);
        string path = folder.File("model.zip");
        context.Model.Save(model, data.Schema, path);
        var loaded = new MLContext(2).Model.Load(path, out var schema);
        Assert.AreEqual(new ImageDataViewType(3, 5), schema["Picture"].Type);
        CollectionAssert.AreEqual(ImageTestData.Vectors(model.Transform(data), "Pixels")[0], ImageTestData.Vectors(loaded.Transform(data), "Pixels")[0]);
    }
}
