using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;

namespace Gan.MLNet.Tests.Images;

[TestClass]
public sealed class ImagePersistenceTests
{
    [TestMethod]
    public void ALoadResizeExtractChainSavesAndLoadsWithIdenticalOutput()
    {
        using var folder = new TempFolder();
        for (int i = 0; i < 3; i++)
            ImageTestData.Pattern(9 + i, 6, i).Save(folder.File($"p{i}.png"));
        var context = new MLContext(1);
        var data = ImageTestData.Paths(context, "p0.png", "p1.png", "p2.png");
        var model = context.Transforms.LoadImages("Image", folder.Path, "Path")
            .Append(context.Transforms.ResizeImages("Small", 4, 3, "Image", ResizingKind.IsoPad, Anchor.Bottom))
            .Append(context.Transforms.ConvertToGrayscale("Gray", "Small"))
            .Append(context.Transforms.ExtractPixels("Pixels", "Small", ColorBits.All, ColorsOrder.AGBR, interleavePixelColors: true, offsetImage: 10, scaleImage: 0.25f))
            .Append(context.Transforms.ExtractPixels("GrayPixels", "Gray", ColorBits.Red))
            .Append(context.Transforms.ConvertToImage(3, 4, "Back", "Pixels", ColorBits.All, ColorsOrder.AGBR, interleavedColors: true, scaleImage: 0.25f, offsetImage: 10))
            .Fit(data);
        string path = folder.File("model.zip");
        context.Model.Save(model, data.Schema, path);

        var loaded = new MLContext(2).Model.Load(path, out var schema);
        Assert.AreEqual(TextDataViewType.Instance, schema["Path"].Type);
        var expected = model.Transform(data);
        var actual = loaded.Transform(data);
        foreach (string vector in (string[])["Pixels", "GrayPixels"])
        {
            Assert.AreEqual(expected.Schema[vector].Type, actual.Schema[vector].Type);
            var want = ImageTestData.Vectors(expected, vector);
            var got = ImageTestData.Vectors(actual, vector);
            for (int row = 0; row < 3; row++)
                CollectionAssert.AreEqual(want[row], got[row], $"{vector} row {row}");
        }
        var back = ImageTestData.Images(actual, "Back");
        var small = ImageTestData.Images(actual, "Small");
        for (int row = 0; row < 3; row++)
            CollectionAssert.AreEqual(small[row]!.ConvertTo(Imaging.PixelFormat.Rgba32).Pixels.ToArray(), back[row]!.Pixels.ToArray(), $"row {row}");
    }

    [TestMethod]
    public void ErrorColumnSettingsSurviveSaveAndLoad()
    {
        using var folder = new TempFolder();
        var context = new MLContext(1);
        var data = ImageTestData.Paths(context, "absent.png");
        var model = context.Transforms.LoadImages(new ImageLoadingEstimator.Options
        {
            OutputColumnName = "Image", InputColumnName = "Path", ImageFolder = folder.Path, ErrorHandling = ImageLoadErrorHandling.ErrorColumn, ErrorColumnName = "Problem",
        }).Fit(data);
        string path = folder.File("model.zip");
        context.Model.Save(model, data.Schema, path);
        var loaded = (ImageLoadingTransformer)new MLContext(2).Model.Load(path, out _);
        Assert.AreEqual(model.Settings, loaded.Settings);
        StringAssert.Contains(ImageTestData.Texts(loaded.Transform(data), "Problem")[0], folder.File("absent.png"));
    }
}
