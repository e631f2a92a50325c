using System.Buffers.Binary;
using Gan.Imaging.Tests.Support;

namespace Gan.Imaging.Tests;

[TestClass]
public sealed class ImageHeaderTests
{
    [TestMethod]
    [DataRow("astronaut.png", ImageFormat.Png, 512, 512, 3)]
    [DataRow("camera.png", ImageFormat.Png, 512, 512, 1)]
    [DataRow("chelsea.png", ImageFormat.Png, 451, 300, 3)]
    [DataRow("coffee.png", ImageFormat.Png, 600, 400, 3)]
    [DataRow("retina.jpg", ImageFormat.Jpeg, 1411, 1411, 3)]
    [DataRow("rocket.jpg", ImageFormat.Jpeg, 640, 427, 3)]
    [DataRow("hubble_deep_field.jpg", ImageFormat.Jpeg, 1000, 872, 3)]
    [DataRow("logo.png", ImageFormat.Png, 500, 500, 4)]
    [DataRow("green_palette.png", ImageFormat.Png, 320, 240, 3)]
    [DataRow("foo3x5x4indexed.png", ImageFormat.Png, 5, 3, 4)]
    [DataRow("multipage.tif", ImageFormat.Tiff, 10, 15, 1)]
    public void HeaderAgreesWithTheDecoderOnRealFiles(string name, ImageFormat format, int width, int height, int channels)
    {
        var path = TestImages.Skimage(name);
        var header = ImageHeader.Read(File.ReadAllBytes(path));
        Assert.AreEqual(new ImageHeader(format, width, height, channels), header);
        var image = Image.Load(path);
        Assert.AreEqual((header.Width, header.Height, header.Channels), (image.Width, image.Height, image.Channels));
    }

    [TestMethod]
    [DataRow(ImageFormat.Png, PixelFormat.Rgba32)]
    [DataRow(ImageFormat.Jpeg, PixelFormat.Gray8)]
    [DataRow(ImageFormat.Bmp, PixelFormat.Rgb24)]
    [DataRow(ImageFormat.WebP, PixelFormat.Rgb24)]
    [DataRow(ImageFormat.Tiff, PixelFormat.Rgb24)]
    public void HeaderOfEncodedImages(ImageFormat format, PixelFormat pixels)
    {
        var bytes = TestImages.Random(300, 17, pixels, seed: 5).Encode(format);
        Assert.AreEqual(new ImageHeader(format, 300, 17, pixels.ChannelCount()), ImageHeader.Read(bytes));
    }

    [TestMethod]
    public void LosslessWebPHeaderReportsAlpha()
    {
        var options = new ImageEncodeOptions { WebPLossless = true };
        Assert.AreEqual(4, ImageHeader.Read(TestImages.Random(9, 8, PixelFormat.Rgba32, 1).Encode(ImageFormat.WebP, options)).Channels);
        Assert.AreEqual(3, ImageHeader.Read(TestImages.Random(9, 8, PixelFormat.Rgb24, 1).Encode(ImageFormat.WebP, options)).Channels);
    }

    [TestMethod]
    public void BigEndianTiffHeader()
    {
        // A hand-written Motorola-order TIFF directory: width 70000 (LONG), length 3 (SHORT), 3 samples.
        var data = new byte[8 + 2 + 3 * 12];
        "MM"u8.CopyTo(data);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(8), 3);
        WriteEntry(data.AsSpan(10), 256, 4, 70000);
        WriteEntry(data.AsSpan(22), 257, 3, 3 << 16);
        WriteEntry(data.AsSpan(34), 277, 3, 3 << 16);
        Assert.AreEqual(new ImageHeader(ImageFormat.Tiff, 70000, 3, 3), ImageHeader.Read(data));

        static void WriteEntry(Span<byte> entry, ushort tag, ushort type, uint value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(entry, tag);
            BinaryPrimitives.WriteUInt16BigEndian(entry[2..], type);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], 1);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], value);
        }
    }

    [TestMethod]
    public void TryReadRejectsNonImages()
    {
        Assert.IsFalse(ImageHeader.TryRead([], out _));
        Assert.IsFalse(ImageHeader.TryRead("hello, world"u8, out _));
        Assert.IsFalse(ImageHeader.TryRead([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], out _));
        Assert.AreEqual(ImageFormatError.Truncated,
            Assert.ThrowsExactly<ImageFormatException>(() => ImageHeader.Read([0xFF, 0xD8, 0xFF, 0xE0, 0x00])).Error);
        Assert.AreEqual(ImageFormatError.Unrecognized,
            Assert.ThrowsExactly<ImageFormatException>(() => ImageHeader.Read("GIF89a"u8)).Error);
    }

    [TestMethod]
    public void DetectFormatUsesSignaturesNotExtensions()
    {
        Assert.AreEqual(ImageFormat.Jpeg, ImageHeader.DetectFormat(TestImages.Random(4, 4, PixelFormat.Rgb24, 1).Encode(ImageFormat.Jpeg)));
        Assert.IsNull(ImageHeader.DetectFormat("BZh91AY"u8));
    }

    [TestMethod]
    [DataRow(ImageFormat.Png)]
    [DataRow(ImageFormat.Jpeg)]
    [DataRow(ImageFormat.Bmp)]
    [DataRow(ImageFormat.WebP)]
    [DataRow(ImageFormat.Tiff)]
    public void CompleteFilesAreToldFromCutOnes(ImageFormat format)
    {
        var bytes = TestImages.Random(40, 30, PixelFormat.Rgb24, seed: 2).Encode(format);

        Assert.IsTrue(ImageHeader.IsCompleteFile(bytes));
        Assert.IsFalse(ImageHeader.IsCompleteFile(bytes.AsSpan(0, bytes.Length / 2)), "cut in half");
        // A TIFF has no end marker: LibTiff writes its directory and the values stored outside it last, all checked.
        Assert.IsFalse(ImageHeader.IsCompleteFile(bytes.AsSpan(0, bytes.Length - 10)), "cut just before its end");
        Assert.IsFalse(ImageHeader.IsCompleteFile(bytes.AsSpan(0, bytes.Length - 1)), "last byte cut");
        Assert.IsFalse(ImageHeader.IsCompleteFile(bytes.AsSpan(0, 12)), "header cut");
        Assert.IsFalse(ImageHeader.IsCompleteFile([]));
        Assert.IsFalse(ImageHeader.IsCompleteFile("not an image"u8));
    }
}
