using Gan.Imaging.Tests.Support;

namespace Gan.Imaging.Tests;

[TestClass]
public sealed class DecodeErrorTests
{
    private static string folder = "";

    [ClassInitialize]
    public static void CreateFolder(TestContext _) => folder = TestImages.NewTemporaryFolder();

    [ClassCleanup]
    public static void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private static string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static ImageFormatException LoadFails(string path, ImageFormatError expected, ImageDecodeOptions? options = null)
    {
        var e = Assert.ThrowsExactly<ImageFormatException>(() => Image.Load(path, options));
        Assert.AreEqual(expected, e.Error, e.Message);
        Assert.AreEqual(path, e.Path);
        StringAssert.Contains(e.Message, path);
        return e;
    }

    [TestMethod]
    public void RealTruncatedJpegIsRejected() =>
        LoadFails(TestImages.Skimage("truncated.jpg"), ImageFormatError.Truncated);

    [TestMethod]
    public void CutJpegIsRejectedUnlessPartialImagesAreAllowed()
    {
        var full = TestImages.Smooth(64, 64, PixelFormat.Rgb24).Encode(ImageFormat.Jpeg);
        var path = Write("cut.jpg", full[..(full.Length * 2 / 3)]);
        LoadFails(path, ImageFormatError.Truncated);
        var partial = Image.Load(path, new ImageDecodeOptions { AllowTruncated = true });
        Assert.AreEqual((64, 64), (partial.Width, partial.Height));
    }

    [TestMethod]
    public void CutPngIsRejectedUnlessPartialImagesAreAllowed()
    {
        var image = TestImages.Random(40, 40, PixelFormat.Rgb24, seed: 2);
        var full = image.Encode(ImageFormat.Png);
        var path = Write("cut.png", full[..(full.Length / 2)]);
        LoadFails(path, ImageFormatError.Truncated);
        // Allowed: the rows before the cut decode, the rest is black.
        var partial = Image.Load(path, new ImageDecodeOptions { AllowTruncated = true });
        Assert.AreEqual((40, 40, PixelFormat.Rgb24), (partial.Width, partial.Height, partial.Format));
        CollectionAssert.AreEqual(image.Pixels[..image.Stride].ToArray(), partial.Pixels[..image.Stride].ToArray());
        Assert.IsTrue(partial.Pixels[^image.Stride..].ToArray().All(b => b == 0));
    }

    [TestMethod]
    public void DamagedDataInACompleteFileIsCorruptEvenWhenPartialImagesAreAllowed()
    {
        var noise = new byte[64];
        new Random(9).NextBytes(noise);
        var path = Write("damaged.png", PngWriter.Chunks(8, 8, colorType: 2, ("IDAT", noise)));
        LoadFails(path, ImageFormatError.Corrupt, new ImageDecodeOptions { AllowTruncated = true });
    }

    [TestMethod]
    public void CutBmpAndWebPAreRejected()
    {
        var image = TestImages.Random(20, 20, PixelFormat.Rgb24, seed: 4);
        foreach (var (name, format) in new[] { ("cut.bmp", ImageFormat.Bmp), ("cut.webp", ImageFormat.WebP) })
        {
            var full = image.Encode(format);
            LoadFails(Write(name, full[..(full.Length - 10)]), ImageFormatError.Truncated);
        }
    }

    [TestMethod]
    public void CutTiffIsRejected()
    {
        var full = TestImages.Random(30, 30, PixelFormat.Rgb24, seed: 5).Encode(ImageFormat.Tiff);
        var e = Assert.ThrowsExactly<ImageFormatException>(() => Image.Decode(full.AsSpan(0, full.Length / 2)));
        Assert.IsTrue(e.Error is ImageFormatError.Truncated or ImageFormatError.Corrupt, e.Message);
    }

    [TestMethod]
    public void TiffWithAStripBeyondTheEndIsTruncated()
    {
        // A hand-written 4x2 gray TIFF whose directory precedes its single strip, so a cut keeps the header intact.
        byte[] pixels = [0, 50, 100, 150, 200, 250, 7, 9];
        var tiff = TiffWriter.Write(4, 2, samples: 1, bitsPerSample: 8, pixels);

        var image = Image.Decode(tiff);
        Assert.AreEqual((4, 2, PixelFormat.Gray8), (image.Width, image.Height, image.Format));
        CollectionAssert.AreEqual(pixels, image.Pixels.ToArray());
        var e = Assert.ThrowsExactly<ImageFormatException>(() => Image.Decode(tiff.AsSpan(0, tiff.Length - 3)));
        Assert.AreEqual(ImageFormatError.Truncated, e.Error);
    }

    [TestMethod]
    [DataRow(ImageFormat.Png)]
    [DataRow(ImageFormat.Jpeg)]
    [DataRow(ImageFormat.Bmp)]
    [DataRow(ImageFormat.WebP)]
    [DataRow(ImageFormat.Tiff)]
    public void EveryCutAndHeaderFlipFailsWithATypedError(ImageFormat format)
    {
        // The managed parsers read hostile bytes: whatever the damage, the only failures allowed are the typed ones.
        var full = TestImages.Random(6, 5, PixelFormat.Rgb24, seed: 14).Encode(format);
        for (int length = 0; length < full.Length; length++)
            Assert.ThrowsExactly<ImageFormatException>(() => Image.Decode(full.AsSpan(0, length)), $"cut at {length}");
        var random = new Random(15);
        for (int trial = 0; trial < 300; trial++)
        {
            var damaged = (byte[])full.Clone();
            damaged[random.Next(Math.Min(64, damaged.Length))] = (byte)random.Next(256);
            try
            {
                Image.Decode(damaged, new ImageDecodeOptions { MaxPixels = 1_000_000 });
            }
            catch (ImageFormatException)
            {
            }
            catch (ImageTooLargeException)
            {
            }
        }
    }

    [TestMethod]
    public void ZeroByteFileIsEmpty() => LoadFails(Write("empty.png", []), ImageFormatError.Empty);

    [TestMethod]
    public void TextFileNamedPngIsNotAnImage() =>
        LoadFails(Write("notes.png", "These are not pixels.\n"u8.ToArray()), ImageFormatError.Unrecognized);

    [TestMethod]
    public void RandomBytesAreNotAnImage()
    {
        var bytes = new byte[4096];
        new Random(12345).NextBytes(bytes);
        Assert.IsNull(ImageHeader.DetectFormat(bytes));
        LoadFails(Write("noise.jpg", bytes), ImageFormatError.Unrecognized);
    }

    [TestMethod]
    public void GarbageImageDataIsCorrupt()
    {
        // A valid IHDR and IEND around an IDAT chunk of noise: the header passes, the decoder fails.
        var noise = new byte[64];
        new Random(9).NextBytes(noise);
        var path = Write("garbage.png", PngWriter.Chunks(8, 8, colorType: 2, ("IDAT", noise)));
        LoadFails(path, ImageFormatError.Corrupt);
    }

    [TestMethod]
    public void HugeHeaderIsRefusedBeforeDecoding()
    {
        // 100000 x 100000 pixels claimed by a 57-byte file with no image data at all: were it decoded, the error
        // would be Corrupt; the pixel limit must fire first.
        var path = Write("bomb.png", PngWriter.Chunks(100_000, 100_000, colorType: 2));
        var e = Assert.ThrowsExactly<ImageTooLargeException>(() => Image.Load(path));
        Assert.AreEqual((100_000, 100_000), (e.Width, e.Height));
        Assert.AreEqual(ImageDecodeOptions.DefaultMaxPixels, e.MaxPixels);
        Assert.AreEqual(path, e.Path);
        StringAssert.Contains(e.Message, path);
    }

    [TestMethod]
    public void PixelLimitIsConfigurable()
    {
        var bytes = TestImages.Random(10, 10, PixelFormat.Gray8, seed: 1).Encode(ImageFormat.Png);
        Assert.ThrowsExactly<ImageTooLargeException>(() => Image.Decode(bytes, new ImageDecodeOptions { MaxPixels = 99 }));
        Assert.AreEqual(10, Image.Decode(bytes, new ImageDecodeOptions { MaxPixels = 100 }).Width);
    }

    [TestMethod]
    public void DecodingFromMemoryHasNoPath()
    {
        var e = Assert.ThrowsExactly<ImageFormatException>(() => Image.Decode([]));
        Assert.IsNull(e.Path);
        Assert.AreEqual(ImageFormatError.Empty, e.Error);
    }
}
