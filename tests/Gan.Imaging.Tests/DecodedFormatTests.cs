using Gan.Imaging.Tests.Support;

namespace Gan.Imaging.Tests;

/// <summary>What Skia's decoders give for the layouts that differ between libraries, checked against the header.</summary>
[TestClass]
public sealed class DecodedFormatTests
{
    // An 8 × 8 CMYK JPEG of one colour, C = 0, M = Y = 255, K = 0 (red), made with PIL:
    // Image.new("CMYK", (8, 8), (0, 255, 255, 0)).save(path, quality=95). PIL writes an Adobe segment and inverted
    // samples, as Photoshop does.
    private const string CmykJpeg =
        "/9j/7gAOQWRvYmUAZAAAAAAA/9sAQwACAQEBAQECAQEBAgICAgIEAwICAgIFBAQDBAYFBgYGBQYGBgcJCAYHCQcGBggLCAkKCgoKCgYICwwLCgwJCgoK" +
        "/8AAFAgACAAIBEMRAE0RAFkRAEsRAP/EAB8AAAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFB" +
        "BhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqS" +
        "k5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+v/aAA4EQwBNAFkASwAAPwD9/K/n/r+f" +
        "+v38r//Z";

    [TestMethod]
    public void CmykJpegBecomesRgb()
    {
        var bytes = Convert.FromBase64String(CmykJpeg);
        Assert.AreEqual(new ImageHeader(ImageFormat.Jpeg, 8, 8, 4), ImageHeader.Read(bytes));
        var image = Image.Decode(bytes);
        Assert.AreEqual(PixelFormat.Rgb24, image.Format);
        for (int i = 0; i < image.Pixels.Length; i += 3)
            Assert.IsTrue(image.Pixels[i] >= 253 && image.Pixels[i + 1] <= 2 && image.Pixels[i + 2] <= 2,
                $"pixel {i / 3}: ({image.Pixels[i]}, {image.Pixels[i + 1]}, {image.Pixels[i + 2]})");
    }

    [TestMethod]
    public void ExifOrientationIsNotApplied()
    {
        // Orientation 6 asks viewers to turn the picture a quarter clockwise; decoding keeps the stored 8 × 4 layout.
        var image = Image.Create(8, 4, PixelFormat.Rgb24, ImageColor.Black);
        var pixels = image.Pixels.ToArray();
        for (int y = 0; y < 4; y++)
            for (int x = 0; x < 4; x++)
                pixels[(y * 8 + x) * 3] = 255;
        var jpeg = JpegExif.WithOrientation(Image.FromPixels(8, 4, PixelFormat.Rgb24, pixels).Encode(ImageFormat.Jpeg), 6);

        var decoded = Image.Decode(jpeg);
        Assert.AreEqual((8, 4), (decoded.Width, decoded.Height));
        Assert.IsGreaterThan(200, (int)decoded.GetPixel(1, 2).R);
        Assert.IsLessThan(50, (int)decoded.GetPixel(6, 2).R);
    }

    [TestMethod]
    public void SixteenBitPngKeepsTheHighByte()
    {
        // Skia strips 16-bit PNG samples to their high byte: 899 → 3 and 1000 → 3, where v / 257 rounds to 3 and 4.
        ushort[] levels = [0, 899, 1000, 32896, 65535];
        var row = levels.SelectMany(v => new[] { (byte)(v >> 8), (byte)v }).ToArray();
        var gray = Image.Decode(PngWriter.Image(5, 1, colorType: 0, bitDepth: 16, [row]));
        Assert.AreEqual(PixelFormat.Gray8, gray.Format);
        CollectionAssert.AreEqual(new byte[] { 0, 3, 3, 128, 255 }, gray.Pixels.ToArray());

        var rgbRow = levels[..3].Concat(levels[2..]).SelectMany(v => new[] { (byte)(v >> 8), (byte)v }).ToArray();
        var rgb = Image.Decode(PngWriter.Image(2, 1, colorType: 2, bitDepth: 16, [rgbRow]));
        Assert.AreEqual(PixelFormat.Rgb24, rgb.Format);
        CollectionAssert.AreEqual(new byte[] { 0, 3, 3, 3, 128, 255 }, rgb.Pixels.ToArray());
    }

    [TestMethod]
    public void PalettePngIsRgbOrRgbaWithTransparency()
    {
        byte[] palette = [255, 0, 0, 0, 255, 0, 0, 0, 255];
        byte[][] indices = [[0, 1, 2]];
        TestImages.AssertDecodes(PngWriter.Image(3, 1, colorType: 3, bitDepth: 8, indices, ("PLTE", palette)), 3, PixelFormat.Rgb24, palette);

        // tRNS gives the first two entries alpha 255 and 128; the third keeps the default, opaque.
        TestImages.AssertDecodes(PngWriter.Image(3, 1, colorType: 3, bitDepth: 8, indices, ("PLTE", palette), ("tRNS", [255, 128])),
            4, PixelFormat.Rgba32, [255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 255]);
    }

    [TestMethod]
    public void GrayPngWithATransparentLevelStaysGray()
    {
        // The header counts one channel (as OpenCV read it); Skia decodes the tRNS level as transparent colour.
        TestImages.AssertDecodes(PngWriter.Image(2, 1, colorType: 0, bitDepth: 8, [[5, 9]], ("tRNS", [0, 9])), 1, PixelFormat.Gray8, [5, 9]);
    }

    [TestMethod]
    public void RealPalettePngsAreRgbAndRgba()
    {
        Assert.AreEqual(PixelFormat.Rgb24, Image.Load(TestImages.Skimage("palette_gray.png")).Format);
        Assert.AreEqual(PixelFormat.Rgb24, Image.Load(TestImages.Skimage("palette_color.png")).Format);
        var indexed = Image.Load(TestImages.Skimage("foo3x5x4indexed.png"));
        Assert.AreEqual((5, 3, PixelFormat.Rgba32), (indexed.Width, indexed.Height, indexed.Format));
    }

    [TestMethod]
    public void OneBitPngIsGray()
    {
        var image = Image.Load(TestImages.Skimage("checker_bilevel.png"));
        Assert.AreEqual(PixelFormat.Gray8, image.Format);
        CollectionAssert.AreEquivalent(new byte[] { 0, 255 }, image.Pixels.ToArray().Distinct().ToArray());
    }

    [TestMethod]
    public void GrayPaletteBmpIsGray()
    {
        // This library writes gray bitmaps as indices into a gray palette; the header reads them back as one channel.
        var gray = TestImages.Random(7, 3, PixelFormat.Gray8, seed: 21);
        TestImages.AssertDecodes(gray.Encode(ImageFormat.Bmp), 1, PixelFormat.Gray8, gray.Pixels.ToArray());
    }
}
