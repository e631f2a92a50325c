using Gan.Imaging;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Images;

[TestClass]
public sealed class SaveImagesTests
{
    private static IDataView Rows(MLContext context, int count, string extension = ".png") =>
        context.Data.LoadFromEnumerable(Enumerable.Range(0, count).Select(i => new ImageTestData.ImageRow { Name = $"img{i}{extension}", Picture = ImageTestData.Pattern(6, 4, i).ToMLImage() }));

    [TestMethod]
    public void EveryRowIsWrittenAndReadsBack()
    {
        using var folder = new TempFolder();
        var context = new MLContext(1);
        string output = Path.Combine(folder.Path, "out");
        Assert.AreEqual(12L, context.Data.SaveImages(Rows(context, 12), "Picture", output, "Name"));
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 12).Select(i => $"img{i}.png").ToArray(), Directory.GetFiles(output).Select(Path.GetFileName).ToArray(), "no temporary files remain");
        for (int i = 0; i < 12; i++)
            CollectionAssert.AreEqual(ImageTestData.Pattern(6, 4, i).Pixels.ToArray(), Image.Load(Path.Combine(output, $"img{i}.png")).Pixels.ToArray());
    }

    [TestMethod]
    public void TheFormatComesFromTheExtensionUnlessGiven()
    {
        using var folder = new TempFolder();
        var context = new MLContext(1);
        context.Data.SaveImages(Rows(context, 1, ".bmp"), "Picture", folder.Path, "Name");
        Assert.AreEqual(ImageFormat.Bmp, ImageHeader.DetectFormat(File.ReadAllBytes(folder.File("img0.bmp"))));
        context.Data.SaveImages(Rows(context, 1, ".img"), "Picture", folder.Path, "Name", ImageFormat.Png);
        Assert.AreEqual(ImageFormat.Png, ImageHeader.DetectFormat(File.ReadAllBytes(folder.File("img0.img"))));
    }

    [TestMethod]
    public void AnExistingFileIsKeptUnlessOverwriteIsSet()
    {
        using var folder = new TempFolder();
        var context = new MLContext(1);
        string existing = folder.Write("img1.png", "keep me");
        var error = Assert.ThrowsExactly<ImageFileExistsException>(() => context.Data.SaveImages(Rows(context, 3), "Picture", folder.Path, "Name"));
        Assert.AreEqual(existing, error.Path);
        StringAssert.Contains(error.Message, existing);
        Assert.AreEqual("keep me", File.ReadAllText(existing));
        Assert.IsTrue(File.Exists(folder.File("img0.png")), "rows before the conflict were written");
        Assert.IsFalse(File.Exists(folder.File("img2.png")), "writing stops at the conflict");
        Assert.HasCount(2, Directory.GetFiles(folder.Path), "no temporary files remain");

        Assert.AreEqual(3L, context.Data.SaveImages(Rows(context, 3), "Picture", folder.Path, "Name", overwrite: true));
        CollectionAssert.AreEqual(ImageTestData.Pattern(6, 4, 1).Pixels.ToArray(), Image.Load(existing).Pixels.ToArray());
    }

    [TestMethod]
    public void FileNamesMustStayInsideTheFolderAndColumnsMustFit()
    {
        using var folder = new TempFolder();
        var context = new MLContext(1);
        var escaping = context.Data.LoadFromEnumerable([new ImageTestData.ImageRow { Name = "../escape.png", Picture = ImageTestData.Pattern(2, 2).ToMLImage() }]);
        Assert.AreEqual(("Name", 0L), (Assert.ThrowsExactly<InvalidColumnValueException>(() => context.Data.SaveImages(escaping, "Picture", folder.Path, "Name")) is var e ? (e.ColumnName, e.Row) : default));
        Assert.AreEqual("Name", Assert.ThrowsExactly<SchemaMismatchException>(() => context.Data.SaveImages(escaping, "Name", folder.Path, "Name")).ColumnName);
        var missing = context.Data.LoadFromEnumerable([new ImageTestData.ImageRow { Name = "a.png" }]);
        StringAssert.Contains(Assert.ThrowsExactly<InvalidColumnValueException>(() => context.Data.SaveImages(missing, "Picture", folder.Path, "Name")).Message, "Row 0 of column 'Picture': the image is missing");
    }
}
