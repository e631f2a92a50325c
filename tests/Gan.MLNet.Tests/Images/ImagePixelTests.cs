using Gan.Imaging;
using Gan.MLNet.Data;
using Gan.MLNet.Transforms;

namespace Gan.MLNet.Tests.Images;

[TestClass]
public sealed class ImagePixelTests
{
    private sealed class FixedRow
    {
        [ImageType(2, 3)]
        public Image? Picture { get; set; }
    }

    private static IDataView Fixed(MLContext context, params Image[] images) =>
        context.Data.LoadFromEnumerable(images.Select(i => new FixedRow { Picture = i }));

    [TestMethod]
    public void PlanarAndInterleavedLayoutsAreExact()
    {
        var context = new MLContext(1);
        // 3 wide, 2 high, RGBA: pixel (x, y) = (10x + y, 100 + 10x + y, 200 + x + y, 50 + x).
        var bytes = new byte[3 * 2 * 4];
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 3; x++)
                new byte[] { (byte)(10 * x + y), (byte)(100 + 10 * x + y), (byte)(200 + x + y), (byte)(50 + x) }.CopyTo(bytes, (y * 3 + x) * 4);
        var data = Fixed(context, Image.FromPixels(3, 2, PixelFormat.Rgba32, bytes));
        var planar = ImageTestData.Vectors(context.Transforms.ExtractPixels("P", "Picture").Fit(data).Transform(data), "P")[0];
        CollectionAssert.AreEqual(new float[] { 0, 10, 20, 1, 11, 21, 100, 110, 120, 101, 111, 121, 200, 201, 202, 201, 202, 203 }, planar);

        var interleaved = ImageTestData.Vectors(context.Transforms.ExtractPixels("P", "Picture", ColorBits.All, ColorsOrder.ABGR, interleavePixelColors: true).Fit(data).Transform(data), "P")[0];
        float[] expected = [.. Enumerable.Range(0, 6).SelectMany(p => new float[] { bytes[p * 4 + 3], bytes[p * 4 + 2], bytes[p * 4 + 1], bytes[p * 4] })];
        CollectionAssert.AreEqual(expected, interleaved);

        var scaled = ImageTestData.Vectors(context.Transforms.ExtractPixels("P", "Picture", ColorBits.Green, offsetImage: 100, scaleImage: 0.5f).Fit(data).Transform(data), "P")[0];
        CollectionAssert.AreEqual(new float[] { 0, 5, 10, 0.5f, 5.5f, 10.5f }, scaled);
    }

    [TestMethod]
    public void GrayImagesExtractAsEqualChannels()
    {
        var context = new MLContext(1);
        var data = Fixed(context, Image.FromPixels(3, 2, PixelFormat.Gray8, [1, 2, 3, 4, 5, 6]));
        var values = ImageTestData.Vectors(context.Transforms.ExtractPixels("P", "Picture").Fit(data).Transform(data), "P")[0];
        CollectionAssert.AreEqual(new float[] { 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6 }, values);
    }

    [TestMethod]
    [DataRow(false, 0f, 1f, ColorsOrder.ARGB)]
    [DataRow(true, 0f, 1f, ColorsOrder.ARGB)]
    [DataRow(false, 127.5f, 1f / 127.5f, ColorsOrder.ABGR)]
    [DataRow(true, 128f, 1f / 255f, ColorsOrder.AGRB)]
    [DataRow(false, 3f, 0.1f, ColorsOrder.ABRG)]
    public void ExtractThenConvertRoundTripsBitExactly(bool interleave, float offset, float scale, ColorsOrder order)
    {
        var context = new MLContext(1);
        var images = Enumerable.Range(0, 4).Select(seed => ImageTestData.Pattern(3, 2, seed)).ToArray();
        var data = Fixed(context, images);
        var pipeline = context.Transforms.ExtractPixels("Pixels", "Picture", ColorBits.Rgb, order, interleave, offset, scale)
            .Append(context.Transforms.ConvertToImage(2, 3, "Back", "Pixels", ColorBits.Rgb, order, interleave, scale, offset));
        var back = ImageTestData.Images(pipeline.Fit(data).Transform(data), "Back");
        for (int i = 0; i < images.Length; i++)
        {
            Assert.AreEqual(PixelFormat.Rgb24, back[i]!.Format);
            CollectionAssert.AreEqual(images[i].Pixels.ToArray(), back[i]!.Pixels.ToArray(), $"image {i}");
        }
    }

    [TestMethod]
    public void AlphaRoundTripsAndValuesAreClampedAndRounded()
    {
        var context = new MLContext(1);
        var rgba = ImageTestData.Pattern(3, 2, 5, PixelFormat.Rgba32);
        var data = Fixed(context, rgba);
        var back = ImageTestData.Images(context.Transforms.ExtractPixels("P", "Picture", ColorBits.All)
            .Append(context.Transforms.ConvertToImage(2, 3, "Back", "P", ColorBits.All)).Fit(data).Transform(data), "Back")[0]!;
        CollectionAssert.AreEqual(rgba.Pixels.ToArray(), back.Pixels.ToArray());

        var vectors = context.Data.LoadFromEnumerable([new VectorRow { Values = [-5f, 2.5f, 300f, 254.49f] }]);
        var image = ImageTestData.Images(context.Transforms.ConvertToImage(1, 4, "I", "Values", ColorBits.Red, defaultGreen: 7, defaultAlpha: 9).Fit(vectors).Transform(vectors), "I")[0]!;
        Assert.AreEqual(PixelFormat.Rgba32, image.Format);
        CollectionAssert.AreEqual(new byte[] { 0, 7, 0, 9, 3, 7, 0, 9, 255, 7, 0, 9, 254, 7, 0, 9 }, image.Pixels.ToArray());
    }

    private sealed class VectorRow
    {
        [VectorType(4)]
        public float[] Values { get; set; } = [];
    }

    [TestMethod]
    public void GrayscaleUsesLumaAndKeepsTheSize()
    {
        var context = new MLContext(1);
        var data = Fixed(context, Image.FromPixels(3, 2, PixelFormat.Rgb24, [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 0, 0, 0, 255, 255, 255]));
        var gray = ImageTestData.Images(context.Transforms.ConvertToGrayscale("G", "Picture").Fit(data).Transform(data), "G")[0]!;
        Assert.AreEqual(PixelFormat.Gray8, gray.Format);
        CollectionAssert.AreEqual(new byte[] { 76, 150, 29, 18, 0, 255 }, gray.Pixels.ToArray());
    }
}
