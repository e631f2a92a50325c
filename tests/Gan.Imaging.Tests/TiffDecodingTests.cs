using System.Buffers.Binary;
using BitMiracle.LibTiff.Classic;
using Gan.Imaging.Tests.Support;

namespace Gan.Imaging.Tests;

/// <summary>TIFF layouts through LibTiff.NET: the raw-sample path (tiles, planes, 16-bit, float) and its RGBA interface.</summary>
[TestClass]
public sealed class TiffDecodingTests
{
    private static byte Rounded(int sixteenBit) => (byte)Math.Round(sixteenBit / 257.0);

    [TestMethod]
    public void TiledSixteenBitRgbIsClippedAndRoundedPerSample()
    {
        // 20 × 18 pixels in 16 × 16 tiles: the right and bottom tiles hang over the page.
        const int width = 20, height = 18, tile = 16;
        int Level(int x, int y, int c) => (x * 3001 + y * 977 + c * 20011) % 65536;
        var tiff = LibTiffFiles.Write(t =>
        {
            LibTiffFiles.Basics(t, width, height, 3, 16, Photometric.RGB);
            t.SetField(TiffTag.TILEWIDTH, tile);
            t.SetField(TiffTag.TILELENGTH, tile);
            var buffer = new byte[tile * tile * 3 * 2];
            for (int ty = 0; ty < height; ty += tile)
                for (int tx = 0; tx < width; tx += tile)
                {
                    Array.Clear(buffer);
                    for (int y = ty; y < Math.Min(ty + tile, height); y++)
                        for (int x = tx; x < Math.Min(tx + tile, width); x++)
                            for (int c = 0; c < 3; c++)
                                BitConverter.TryWriteBytes(buffer.AsSpan((((y - ty) * tile + x - tx) * 3 + c) * 2), (ushort)Level(x, y, c));
                    t.WriteTile(buffer, tx, ty, 0, 0);
                }
        });

        var image = Image.Decode(tiff);
        Assert.AreEqual((width, height, PixelFormat.Rgb24), (image.Width, image.Height, image.Format));
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                Assert.AreEqual(new ImageColor(Rounded(Level(x, y, 0)), Rounded(Level(x, y, 1)), Rounded(Level(x, y, 2))),
                    image.GetPixel(x, y), $"({x}, {y})");
    }

    [TestMethod]
    public void SeparatePlanesAreInterleaved()
    {
        var expected = TestImages.Random(5, 4, PixelFormat.Rgb24, seed: 31);
        var tiff = LibTiffFiles.Write(t =>
        {
            LibTiffFiles.Basics(t, 5, 4, 3, 8, Photometric.RGB, PlanarConfig.SEPARATE);
            t.SetField(TiffTag.ROWSPERSTRIP, 4);
            for (int c = 0; c < 3; c++)
            {
                var plane = new byte[5 * 4];
                for (int i = 0; i < plane.Length; i++) plane[i] = expected.Pixels[3 * i + c];
                t.WriteEncodedStrip(c, plane, plane.Length);
            }
        });
        TestImages.AssertDecodes(tiff, 3, PixelFormat.Rgb24, expected.Pixels.ToArray());
    }

    [TestMethod]
    public void PaletteTiffBecomesRgb()
    {
        // Colour maps hold 16-bit levels; LibTiff's RGBA interface scales them to 8 bits.
        var red = new short[256];
        var green = new short[256];
        var blue = new short[256];
        (red[1], green[2], blue[3]) = (unchecked((short)(255 * 257)), unchecked((short)(128 * 257)), unchecked((short)(7 * 257)));
        var tiff = LibTiffFiles.Write(t =>
        {
            LibTiffFiles.Basics(t, 4, 1, 1, 8, Photometric.PALETTE);
            t.SetField(TiffTag.COLORMAP, red, green, blue);
            LibTiffFiles.OneStrip(t, 1, [0, 1, 2, 3]);
        });
        TestImages.AssertDecodes(tiff, 3, PixelFormat.Rgb24, [0, 0, 0, 255, 0, 0, 0, 128, 0, 0, 0, 7]);
    }

    [TestMethod]
    public void BilevelMinIsWhiteTiffIsGray()
    {
        // One byte, 1011 0000: in min-is-white, a set bit is black.
        var tiff = LibTiffFiles.Write(t =>
        {
            LibTiffFiles.Basics(t, 8, 1, 1, 1, Photometric.MINISWHITE);
            LibTiffFiles.OneStrip(t, 1, [0b1011_0000]);
        });
        TestImages.AssertDecodes(tiff, 1, PixelFormat.Gray8, [0, 255, 0, 0, 255, 255, 255, 255]);
    }

    [TestMethod]
    public void OnlyTheFirstPageIsRead()
    {
        Action<Tiff> Page(byte level) => t =>
        {
            LibTiffFiles.Basics(t, 3, 2, 1, 8, Photometric.MINISBLACK);
            LibTiffFiles.OneStrip(t, 2, Enumerable.Repeat(level, 6).ToArray());
        };
        var image = Image.Decode(LibTiffFiles.Write(Page(10), Page(200)));
        CollectionAssert.AreEqual(Enumerable.Repeat((byte)10, 6).ToArray(), image.Pixels.ToArray());
    }

    [TestMethod]
    public void DoubleSamplesAreScaledLikeFloats()
    {
        double[] values = [0, 0.5, 1, 0.2, -3, double.NaN];
        var strip = new byte[8 * values.Length];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(strip.AsSpan(8 * i), values[i]);
        CollectionAssert.AreEqual(new byte[] { 0, 128, 255, 51, 0, 0 },
            Image.Decode(TiffWriter.Write(values.Length, 1, 1, 64, strip, sampleFormat: 3)).Pixels.ToArray());
    }

    [TestMethod]
    public void RgbWithTwoExtraSamplesKeepsTheFirstAsAlpha()
    {
        byte[] samples = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var tiff = LibTiffFiles.Write(t =>
        {
            LibTiffFiles.Basics(t, 2, 1, 5, 8, Photometric.RGB);
            t.SetField(TiffTag.EXTRASAMPLES, 2, new short[] { (short)ExtraSample.UNASSALPHA, (short)ExtraSample.UNSPECIFIED });
            LibTiffFiles.OneStrip(t, 1, samples);
        });
        TestImages.AssertDecodes(tiff, 4, PixelFormat.Rgba32, [1, 2, 3, 4, 6, 7, 8, 9]);
    }

    [TestMethod]
    public void HugeTilesAreRefusedBeforeAllocating()
    {
        // A 16 × 16 gray page in one 16 × 16 tile, whose directory then claims 8192 × 8192 tiles (64 MiB each).
        var tiff = LibTiffFiles.Write(t =>
        {
            LibTiffFiles.Basics(t, 16, 16, 1, 8, Photometric.MINISBLACK);
            t.SetField(TiffTag.TILEWIDTH, 16);
            t.SetField(TiffTag.TILELENGTH, 16);
            t.WriteTile(new byte[256], 0, 0, 0, 0);
        });
        int directory = BinaryPrimitives.ReadInt32LittleEndian(tiff.AsSpan(4));
        int entries = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(directory));
        for (int i = 0; i < entries; i++)
        {
            var entry = tiff.AsSpan(directory + 2 + 12 * i, 12);
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry) is (ushort)TiffTag.TILEWIDTH or (ushort)TiffTag.TILELENGTH)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4); // LONG
                BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], 8192);
            }
        }
        var e = Assert.ThrowsExactly<ImageFormatException>(() => Image.Decode(tiff));
        Assert.AreEqual(ImageFormatError.Unsupported, e.Error, e.Message);
    }
}
