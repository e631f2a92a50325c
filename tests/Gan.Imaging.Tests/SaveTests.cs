using System.Runtime.Versioning;
using Gan.Imaging.Tests.Support;

namespace Gan.Imaging.Tests;

[TestClass]
public sealed class SaveTests
{
    private string folder = "";

    [TestInitialize]
    public void CreateFolder() => folder = TestImages.NewTemporaryFolder();

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestMethod]
    public void SaveInfersTheFormatAndLeavesNoTemporaryFile()
    {
        var image = TestImages.Random(6, 5, PixelFormat.Rgb24, seed: 6);
        foreach (var (name, format) in new[] { ("a.png", ImageFormat.Png), ("b.JPEG", ImageFormat.Jpeg), ("c.bmp", ImageFormat.Bmp), ("d.webp", ImageFormat.WebP), ("e.tif", ImageFormat.Tiff) })
        {
            var path = Path.Combine(folder, name);
            image.Save(path);
            Assert.AreEqual(format, ImageHeader.Read(File.ReadAllBytes(path)).Format, name);
        }
        CollectionAssert.AreEquivalent(new[] { "a.png", "b.JPEG", "c.bmp", "d.webp", "e.tif" },
            Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
        CollectionAssert.AreEqual(image.Pixels.ToArray(), Image.Load(Path.Combine(folder, "a.png")).Pixels.ToArray());
    }

    [TestMethod]
    public void SaveReplacesAnExistingFile()
    {
        var path = Path.Combine(folder, "x.png");
        Image.Create(2, 2, PixelFormat.Gray8, ImageColor.Black).Save(path);
        Image.Create(3, 1, PixelFormat.Gray8, ImageColor.White).Save(path);
        Assert.AreEqual((3, 1), (Image.Load(path).Width, Image.Load(path).Height));
        Assert.HasCount(1, Directory.GetFiles(folder));
    }

    [TestMethod]
    public void FailedSaveDoesNotClobber()
    {
        var path = Path.Combine(folder, "keep.gif");
        File.WriteAllText(path, "old");
        var image = Image.Create(2, 2, PixelFormat.Rgb24, ImageColor.White);
        Assert.ThrowsExactly<ArgumentException>(() => image.Save(path));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => image.Save(path, ImageFormat.Jpeg, new ImageEncodeOptions { Quality = 101 }));
        Assert.AreEqual("old", File.ReadAllText(path));
        Assert.HasCount(1, Directory.GetFiles(folder));
    }

    [TestMethod]
    public void FailedReplaceRemovesTheTemporaryFile()
    {
        // The destination is a folder: the temporary file is written, the final rename fails.
        var target = Path.Combine(folder, "taken.png");
        Directory.CreateDirectory(target);
        var image = Image.Create(2, 2, PixelFormat.Rgb24, ImageColor.White);
        Assert.Throws<IOException>(() => image.Save(target));
        Assert.IsTrue(Directory.Exists(target));
        Assert.IsEmpty(Directory.GetFiles(folder));
    }

    [TestMethod]
    [UnsupportedOSPlatform("windows")]
    public void UnwritableFolderLeavesTheFileAlone()
    {
        var image = Image.Create(2, 2, PixelFormat.Rgb24, ImageColor.White);
        // The folder is read-only: the temporary file cannot be created, the existing file must survive.
        var locked = Path.Combine(folder, "locked");
        Directory.CreateDirectory(locked);
        var target = Path.Combine(locked, "keep.png");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            if (Environment.UserName == "root") Assert.Inconclusive("root ignores folder permissions");
            Assert.ThrowsExactly<UnauthorizedAccessException>(() => image.Save(target));
            Assert.AreEqual("old", File.ReadAllText(target));
            Assert.HasCount(1, Directory.GetFiles(locked));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
