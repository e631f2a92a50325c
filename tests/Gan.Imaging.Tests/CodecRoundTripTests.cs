using System.Buffers.Binary;
using Gan.Imaging.Tests.Support;

namespace Gan.Imaging.Tests;

[TestClass]
public sealed class CodecRoundTripTests
{
    [TestMethod]
    [DataRow(PixelFormat.Gray8)]
    [DataRow(PixelFormat.Rgb24)]
    [DataRow(PixelFormat.Rgba32)]
    public void PngIsBitExact(PixelFormat format)
    {
        var image = TestImages.Random(37, 23, format, seed: (int)format);
        foreach (int level in new[] { 0, 9 })
        {
            var decoded = Image.Decode(image.Encode(ImageFormat.Png, new ImageEncodeOptions { PngCompressionLevel = level }));
            Assert.AreEqual(format, decoded.Format);
            Assert.AreEqual(37, decoded.Width);
            Assert.AreEqual(23, decoded.Height);
            CollectionAssert.AreEqual(image.Pixels.ToArray(), decoded.Pixels.ToArray());
        }
    }

    [TestMethod]
    public void PngKeepsChannelOrder()
    {
        var red = Image.Create(2, 1, PixelFormat.Rgb24, new ImageColor(255, 0, 0));
        var bytes = red.Encode(ImageFormat.Png);
        Assert.AreEqual(new ImageColor(255, 0, 0), Image.Decode(bytes).GetPixel(1, 0));
    }

    [TestMethod]
    [DataRow(PixelFormat.Gray8)]
    [DataRow(PixelFormat.Rgb24)]
    public void BmpAndTiffAreBitExact(PixelFormat format)
    {
        var image = TestImages.Random(13, 9, format, seed: 7);
        foreach (var codec in new[] { ImageFormat.Bmp, ImageFormat.Tiff })
        {
            var bytes = image.Encode(codec);
            Assert.AreEqual(codec, ImageHeader.Read(bytes).Format);
            var decoded = Image.Decode(bytes);
            Assert.AreEqual(format, decoded.Format, codec.ToString());
            CollectionAssert.AreEqual(image.Pixels.ToArray(), decoded.Pixels.ToArray(), codec.ToString());
        }
    }

    [TestMethod]
    public void TiffKeepsAlpha()
    {
        var image = TestImages.Random(5, 4, PixelFormat.Rgba32, seed: 3);
        CollectionAssert.AreEqual(image.Pixels.ToArray(), Image.Decode(image.Encode(ImageFormat.Tiff)).Pixels.ToArray());
    }

    [TestMethod]
    [DataRow(PixelFormat.Rgb24)]
    [DataRow(PixelFormat.Rgba32)]
    public void LosslessWebPIsBitExact(PixelFormat format)
    {
        var image = TestImages.Random(16, 12, format, seed: 11);
        var bytes = image.Encode(ImageFormat.WebP, new ImageEncodeOptions { WebPLossless = true });
        var header = ImageHeader.Read(bytes);
        Assert.AreEqual(ImageFormat.WebP, header.Format);
        Assert.AreEqual((16, 12), (header.Width, header.Height));
        var decoded = Image.Decode(bytes);
        Assert.AreEqual(format, decoded.Format);
        CollectionAssert.AreEqual(image.Pixels.ToArray(), decoded.Pixels.ToArray());
    }

    [TestMethod]
    public void LossyWebPStaysCloseAndShrinksWithQuality()
    {
        var image = TestImages.Smooth(64, 48, PixelFormat.Rgb24);
        var best = image.Encode(ImageFormat.WebP, new ImageEncodeOptions { Quality = 100 });
        var worst = image.Encode(ImageFormat.WebP, new ImageEncodeOptions { Quality = 5 });
        Assert.IsGreaterThan(35.0, TestImages.Psnr(image, Image.Decode(best)));
        Assert.IsLessThan(best.Length, worst.Length);
    }

    [TestMethod]
    public void JpegQualityBoundsTheError()
    {
        var image = TestImages.Smooth(64, 48, PixelFormat.Rgb24);
        var high = Image.Decode(image.Encode(ImageFormat.Jpeg, new ImageEncodeOptions { Quality = 95 }));
        var low = Image.Decode(image.Encode(ImageFormat.Jpeg, new ImageEncodeOptions { Quality = 10 }));
        Assert.AreEqual(PixelFormat.Rgb24, high.Format);
        double highPsnr = TestImages.Psnr(image, high), lowPsnr = TestImages.Psnr(image, low);
        Assert.IsGreaterThan(38.0, highPsnr);
        Assert.IsGreaterThan(lowPsnr, highPsnr);
    }

    [TestMethod]
    public void JpegOfGrayStaysGrayAndJpegOfRgbaDropsAlpha()
    {
        var gray = TestImages.Smooth(16, 16, PixelFormat.Gray8);
        Assert.AreEqual(PixelFormat.Gray8, Image.Decode(gray.Encode(ImageFormat.Jpeg)).Format);
        var rgba = TestImages.Smooth(16, 16, PixelFormat.Rgba32);
        var decoded = Image.Decode(rgba.Encode(ImageFormat.Jpeg));
        Assert.AreEqual(PixelFormat.Rgb24, decoded.Format);
        Assert.IsGreaterThan(35.0, TestImages.Psnr(rgba.ConvertTo(PixelFormat.Rgb24), decoded));
    }

    [TestMethod]
    public void WebPBeyondItsSizeLimitIsUnsupported()
    {
        // WebP stores sides of at most 16383 pixels; the encoder's refusal is a typed error, not a crash or null.
        var wide = Image.Create(16384, 1, PixelFormat.Rgb24, ImageColor.White);
        var e = Assert.ThrowsExactly<ImageFormatException>(() => wide.Encode(ImageFormat.WebP));
        Assert.AreEqual(ImageFormatError.Unsupported, e.Error);
        Assert.AreEqual(16384, Image.Decode(wide.Encode(ImageFormat.Png)).Width);
    }

    [TestMethod]
    public void QualityOutOfRangeIsRejected()
    {
        var image = TestImages.Random(2, 2, PixelFormat.Rgb24, seed: 1);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => image.Encode(ImageFormat.Jpeg, new ImageEncodeOptions { Quality = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => image.Encode(ImageFormat.Png, new ImageEncodeOptions { PngCompressionLevel = 10 }));
    }

    [TestMethod]
    public void SixteenBitSamplesAreScaledToEightBits()
    {
        // skimage's 16-bit chessboards hold the 8-bit PNG's levels unscaled (0..255 of 65535): full-range scaling
        // divides by 257, and little- and big-endian TIFFs agree.
        var eight = Image.Load(TestImages.Skimage("chessboard_GRAY.png"));
        var little = Image.Load(TestImages.Skimage("chessboard_GRAY_U16.tif"));
        var big = Image.Load(TestImages.Skimage("chessboard_GRAY_U16B.tif"));
        Assert.AreEqual(PixelFormat.Gray8, little.Format);
        var expected = eight.Pixels.ToArray().Select(v => (byte)Math.Round(v / 257.0)).ToArray();
        CollectionAssert.AreEqual(expected, little.Pixels.ToArray());
        CollectionAssert.AreEqual(expected, big.Pixels.ToArray());
    }

    [TestMethod]
    public void GrayAlphaPngBecomesRgba()
    {
        var png = PngWriter.Image(2, 1, colorType: 4, [[10, 200, 99, 7]]);
        Assert.AreEqual(new ImageHeader(ImageFormat.Png, 2, 1, 2), ImageHeader.Read(png));
        var image = Image.Decode(png);
        Assert.AreEqual(PixelFormat.Rgba32, image.Format);
        CollectionAssert.AreEqual(new byte[] { 10, 10, 10, 200, 99, 99, 99, 7 }, image.Pixels.ToArray());
    }

    [TestMethod]
    public void GrayAlphaTiffBecomesRgba()
    {
        // Like gray+alpha PNG (OpenCV used to drop a TIFF's alpha here).
        var tiff = TiffWriter.Write(2, 1, samples: 2, bitsPerSample: 8, [10, 200, 99, 7], extraSamples: 2);
        TestImages.AssertDecodes(tiff, 2, PixelFormat.Rgba32, [10, 10, 10, 200, 99, 99, 99, 7]);
    }

    [TestMethod]
    public void SixteenBitAndFloatTiffsAreScaled()
    {
        ushort[] levels = [0, 257 * 3, 65535, 32896];
        var strip = new byte[8];
        for (int i = 0; i < 4; i++) BinaryPrimitives.WriteUInt16LittleEndian(strip.AsSpan(2 * i), levels[i]);
        CollectionAssert.AreEqual(new byte[] { 0, 3, 255, 128 },
            Image.Decode(TiffWriter.Write(4, 1, 1, 16, strip)).Pixels.ToArray());

        float[] values = [0f, 0.5f, 1f, 0.2f];
        var floats = new byte[16];
        for (int i = 0; i < 4; i++) BinaryPrimitives.WriteSingleLittleEndian(floats.AsSpan(4 * i), values[i]);
        // 0.5 · 255 = 127.5 rounds to even (128); 0.2 · 255 = 51.
        CollectionAssert.AreEqual(new byte[] { 0, 128, 255, 51 },
            Image.Decode(TiffWriter.Write(4, 1, 1, 32, floats, sampleFormat: 3)).Pixels.ToArray());
    }

    [TestMethod]
    public void BmpOfRgbaAndWebPOfGray()
    {
        var rgba = TestImages.Random(6, 5, PixelFormat.Rgba32, seed: 12);
        var bmp = Image.Decode(rgba.Encode(ImageFormat.Bmp));
        CollectionAssert.AreEqual(rgba.ConvertTo(PixelFormat.Rgb24).Pixels.ToArray(), bmp.Pixels.ToArray());
        var gray = TestImages.Random(6, 5, PixelFormat.Gray8, seed: 13);
        var webp = Image.Decode(gray.Encode(ImageFormat.WebP, new ImageEncodeOptions { WebPLossless = true }));
        CollectionAssert.AreEqual(gray.ConvertTo(PixelFormat.Rgb24).Pixels.ToArray(), webp.Pixels.ToArray());
    }
}
