using Gan.Imaging;
using Gan.Models.Datasets;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Datasets;

[TestClass]
public sealed class ImageFolderDatasetTests
{
    private string _root = "";

    [TestInitialize]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("gan-images-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    private string WritePng(string relative, ImageColor color, int size = 4)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Image.Create(size, size, PixelFormat.Rgb24, color).Save(path);
        return path;
    }

    private static float Scaled(byte level) => level / 127.5f - 1f;

    [TestMethod]
    public void SubfoldersAreClassesInOrdinalOrderAndImagesAreResizedToGray()
    {
        WritePng("cat/b.png", new ImageColor(255, 0, 0));
        WritePng("cat/a/nested.png", new ImageColor(0, 255, 0));
        WritePng("Dog/x.png", ImageColor.White, size: 16);
        WritePng("bird/y.png", ImageColor.Gray(10));
        WritePng(".cache/ignored.png", ImageColor.Black);
        WritePng("cat/.thumbs/ignored.png", ImageColor.Black);
        File.WriteAllText(Path.Combine(_root, "cat", "notes.txt"), "not an image");

        using var scope = NewDisposeScope();
        using var set = ImageFolderDataset.LoadBySubfolder(_root, new ImageFolderOptions { ImageSize = 8 });
        CollectionAssert.AreEqual(new[] { "Dog", "bird", "cat" }, set.ClassNames.ToArray());
        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 2 }, set.Labels.CopyToArray<long>());
        CollectionAssert.AreEqual(new long[] { 4, 1, 8, 8 }, set.Images.shape);
        // Paths in ordinal order within a class: "cat/a/nested.png" (green) before "cat/b.png" (red); gray is BT.601 luma.
        float[] firstPixelOf(int i) => set.Images.narrow(0, i, 1).CopyToArray<float>();
        Assert.AreEqual(Scaled(255), firstPixelOf(0)[0], 1e-6f);
        Assert.AreEqual(Scaled(10), firstPixelOf(1)[63], 1e-6f);
        Assert.AreEqual(Scaled(new ImageColor(0, 255, 0).Luma), firstPixelOf(2)[0], 1e-6f);
        Assert.AreEqual(Scaled(new ImageColor(255, 0, 0).Luma), firstPixelOf(3)[0], 1e-6f);
    }

    [TestMethod]
    public void RgbIsChannelsFirstInTheRequestedRange()
    {
        string path = Path.Combine(_root, "only", "2x2.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        byte[] interleaved = [255, 0, 0, /**/ 0, 255, 0, /**/ 0, 0, 255, /**/ 51, 102, 153];
        Image.FromPixels(2, 2, PixelFormat.Rgb24, interleaved).Save(path);

        using var scope = NewDisposeScope();
        using var set = ImageFolderDataset.LoadBySubfolder(_root, new ImageFolderOptions { ImageSize = 2, Channels = 3, Range = PixelRange.ZeroToOne });
        CollectionAssert.AreEqual(new long[] { 1, 3, 2, 2 }, set.Images.shape);
        float[] expected = [1, 0, 0, 0.2f, /**/ 0, 1, 0, 0.4f, /**/ 0, 0, 1, 0.6f];
        var actual = set.Images.CopyToArray<float>();
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], 1e-6f, $"element {i}");
    }

    [TestMethod]
    public void UndecodableImageIsNamed()
    {
        WritePng("a/good.png", ImageColor.White);
        string bad = Path.Combine(_root, "a", "broken.png");
        File.WriteAllBytes(bad, [1, 2, 3, 4, 5]);
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => ImageFolderDataset.LoadBySubfolder(_root));
        Assert.AreEqual(bad, e.FilePath);
        StringAssert.Contains(e.Message, "not a decodable image");
    }

    [TestMethod]
    public void EmptyClassFolderAndMissingRootAreRefused()
    {
        WritePng("a/good.png", ImageColor.White);
        Directory.CreateDirectory(Path.Combine(_root, "empty"));
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => ImageFolderDataset.LoadBySubfolder(_root));
        Assert.AreEqual(Path.Combine(_root, "empty"), e.FilePath);
        Assert.ThrowsExactly<DirectoryNotFoundException>(() => ImageFolderDataset.LoadBySubfolder(Path.Combine(_root, "nowhere")));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageFolderDataset.LoadBySubfolder(_root, new ImageFolderOptions { Channels = 4 }));
    }

    private string WriteCsv(params string[] lines)
    {
        string path = Path.Combine(_root, "labels.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [TestMethod]
    public void CsvLabelsAreClassNamesNumericLabelsOrderedNumerically()
    {
        WritePng("img/a.png", ImageColor.White);
        WritePng("img/b.png", ImageColor.Black);
        string csv = WriteCsv("Label,extra,Path", "10,x,img/a.png", "", "2,y,\"img/b.png\"", "10,z,img/b.png");

        using var scope = NewDisposeScope();
        using var set = ImageFolderDataset.LoadFromCsv(csv, new ImageFolderOptions { ImageSize = 4 });
        CollectionAssert.AreEqual(new[] { "2", "10" }, set.ClassNames.ToArray());
        CollectionAssert.AreEqual(new long[] { 1, 0, 1 }, set.Labels.CopyToArray<long>());
        Assert.AreEqual(1f, set.Images.narrow(0, 0, 1).min().item<float>());
        Assert.AreEqual(-1f, set.Images.narrow(0, 1, 1).max().item<float>());
    }

    [TestMethod]
    public void CsvErrorsNameTheLineAndColumn()
    {
        WritePng("a.png", ImageColor.White);
        var missing = Assert.ThrowsExactly<DatasetFormatException>(() =>
            ImageFolderDataset.LoadFromCsv(WriteCsv("path,label", "a.png,cat", "b.png,dog")));
        StringAssert.Contains(missing.Message, "line 3, column 'path': the file");
        StringAssert.Contains(missing.Message, "b.png does not exist");

        var emptyLabel = Assert.ThrowsExactly<DatasetFormatException>(() =>
            ImageFolderDataset.LoadFromCsv(WriteCsv("path,label", "a.png,  ")));
        StringAssert.Contains(emptyLabel.Message, "line 2, column 'label' is empty");

        var noColumn = Assert.ThrowsExactly<DatasetFormatException>(() =>
            ImageFolderDataset.LoadFromCsv(WriteCsv("file,label", "a.png,cat")));
        StringAssert.Contains(noColumn.Message, "no 'path' column");

        var quoting = Assert.ThrowsExactly<DatasetFormatException>(() =>
            ImageFolderDataset.LoadFromCsv(WriteCsv("path,label", "a.png,cat", "\"a.png,dog")));
        StringAssert.Contains(quoting.Message, "bad quoting");
    }

    [TestMethod]
    public void CsvUndecodableImageNamesTheFileAndTheLine()
    {
        string bad = Path.Combine(_root, "bad.jpg");
        File.WriteAllText(bad, "text, not a JPEG");
        string csv = WriteCsv("path,label", "bad.jpg,cat");
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => ImageFolderDataset.LoadFromCsv(csv));
        Assert.AreEqual(bad, e.FilePath);
        StringAssert.Contains(e.Message, $"listed on line 2 of {csv}");
    }
}
