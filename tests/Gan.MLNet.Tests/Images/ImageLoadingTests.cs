using Gan.Imaging;
using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;

namespace Gan.MLNet.Tests.Images;

/// <summary>LoadImages over good files and every kind of bad one, in both error modes.</summary>
[TestClass]
public sealed class ImageLoadingTests
{
    private const string TruncatedJpeg = "/usr/lib/python3/dist-packages/skimage/data/truncated.jpg";
    private static readonly string[] Names = ["good.png", "good.jpg", "truncated.jpg", "empty.png", "text.png", "missing.png"];

    private static TempFolder MakeFolder()
    {
        if (!File.Exists(TruncatedJpeg))
            Assert.Inconclusive($"{TruncatedJpeg} is absent (install python3-skimage).");
        var folder = new TempFolder();
        ImageTestData.Pattern(5, 4).Save(folder.File("good.png"));
        ImageTestData.Pattern(8, 8, 1).Save(folder.File("good.jpg"));
        File.Copy(TruncatedJpeg, folder.File("truncated.jpg"));
        File.WriteAllBytes(folder.File("empty.png"), []);
        folder.Write("text.png", "this is not an image\n");
        return folder;
    }

    [TestMethod]
    public void GoodFilesLoadRelativeToTheFolderOrAsGiven()
    {
        using var folder = MakeFolder();
        var context = new MLContext(1);
        var data = ImageTestData.Paths(context, "good.png", "good.jpg");
        var images = ImageTestData.Images(context.Transforms.LoadImages("Image", folder.Path, "Path").Fit(data).Transform(data), "Image");
        CollectionAssert.AreEqual(ImageTestData.Pattern(5, 4).Pixels.ToArray(), images[0]!.Pixels.ToArray(), "PNG is lossless");
        Assert.AreEqual((8, 8), (images[1]!.Width, images[1]!.Height));

        var absolute = ImageTestData.Paths(context, folder.File("good.png"));
        var same = ImageTestData.Images(context.Transforms.LoadImages("Image", "", "Path").Fit(absolute).Transform(absolute), "Image");
        CollectionAssert.AreEqual(images[0]!.Pixels.ToArray(), same[0]!.Pixels.ToArray());
    }

    [TestMethod]
    public void EachBadFileThrowsNamingThePathAndTheRow()
    {
        using var folder = MakeFolder();
        var context = new MLContext(1);
        for (int bad = 2; bad < Names.Length; bad++)
        {
            var data = ImageTestData.Paths(context, Names[0], Names[1], Names[bad], Names[0]);
            var loaded = context.Transforms.LoadImages("Image", folder.Path, "Path").Fit(data).Transform(data);
            var error = Assert.ThrowsExactly<ImageLoadException>(() => ImageTestData.Images(loaded, "Image"), Names[bad]);
            Assert.AreEqual(folder.File(Names[bad]), error.Path);
            Assert.AreEqual(2, error.Row);
            StringAssert.StartsWith(error.Message, $"Cannot load image '{folder.File(Names[bad])}' (row 2): ");
            Type expectedInner = Names[bad] == "missing.png" ? typeof(FileNotFoundException) : typeof(ImageFormatException);
            Assert.IsInstanceOfType(error.InnerException, expectedInner, Names[bad]);
        }
    }

    [TestMethod]
    public void ErrorColumnModeGivesNullImagesAndMessagesToFilterOn()
    {
        using var folder = MakeFolder();
        var context = new MLContext(1);
        var data = ImageTestData.Paths(context, Names);
        var loaded = context.Transforms.LoadImages(new ImageLoadingEstimator.Options
        {
            OutputColumnName = "Image", InputColumnName = "Path", ImageFolder = folder.Path, ErrorHandling = ImageLoadErrorHandling.ErrorColumn,
        }).Fit(data).Transform(data);
        Assert.AreEqual(TextDataViewType.Instance, loaded.Schema["ImageError"].Type);
        var images = ImageTestData.Images(loaded, "Image");
        var errors = ImageTestData.Texts(loaded, "ImageError");
        CollectionAssert.AreEqual(new[] { true, true, false, false, false, false }, images.Select(i => i is not null).ToArray());
        Assert.AreEqual("", errors[0]);
        Assert.AreEqual("", errors[1]);
        for (int row = 2; row < Names.Length; row++)
            StringAssert.StartsWith(errors[row], $"Cannot load image '{folder.File(Names[row])}' (row {row}): ");

        // Downstream transforms pass the null images on; ExtractPixels gives zeros for them.
        var pixels = ImageTestData.Vectors(context.Transforms.ResizeImages("Small", 2, 2, "Image").Append(context.Transforms.ExtractPixels("P", "Small")).Fit(loaded).Transform(loaded), "P");
        Assert.IsTrue(pixels.Skip(2).All(p => p.Length == 12 && p.All(v => v == 0)));
        Assert.IsTrue(pixels[0].Any(v => v != 0));
    }

    [TestMethod]
    public void TheErrorColumnNameCanBeChosenAndEachRowIsDecodedOnce()
    {
        using var folder = MakeFolder();
        var context = new MLContext(1);
        var data = ImageTestData.Paths(context, "good.png", "missing.png");
        var loaded = context.Transforms.LoadImages(new ImageLoadingEstimator.Options
        {
            OutputColumnName = "Image", InputColumnName = "Path", ImageFolder = folder.Path, ErrorHandling = ImageLoadErrorHandling.ErrorColumn, ErrorColumnName = "Why",
        }).Fit(data).Transform(data);
        using var cursor = loaded.GetRowCursor(loaded.Schema["Image"], loaded.Schema["Why"]);
        var image = cursor.GetGetter<Image?>(loaded.Schema["Image"]);
        var why = cursor.GetGetter<ReadOnlyMemory<char>>(loaded.Schema["Why"]);
        Assert.IsTrue(cursor.MoveNext());
        Image? first = null, second = null;
        image(ref first);
        image(ref second);
        Assert.AreSame(first, second, "a row's image is decoded once and shared by its getters");
        Assert.IsTrue(cursor.MoveNext());
        ReadOnlyMemory<char> message = default;
        why(ref message);
        StringAssert.Contains(message.ToString(), "missing.png");
    }
}
