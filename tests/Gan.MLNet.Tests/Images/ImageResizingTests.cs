using Gan.Imaging;
using Gan.MLNet.Transforms;

namespace Gan.MLNet.Tests.Images;

/// <summary>ResizeImages on tiny images whose scale factor is 1 along the kept axis, so crops and pads are exact.</summary>
[TestClass]
public sealed class ImageResizingTests
{
    private static Image Resize(Image image, int width, int height, ResizingKind kind, Anchor anchor)
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable([new ImageTestData.ImageRow { Picture = image }]);
        return ImageTestData.Images(context.Transforms.ResizeImages("R", width, height, "Picture", kind, anchor).Fit(data).Transform(data), "R")[0]!;
    }

    /// <summary>A gray image whose pixel (x, y) is 10y + x.</summary>
    private static Image Numbered(int width, int height) =>
        Image.FromPixels(width, height, PixelFormat.Gray8, [.. Enumerable.Range(0, width * height).Select(i => (byte)(10 * (i / width) + i % width))]);

    [TestMethod]
    [DataRow(Anchor.Left, new byte[] { 0, 1, 10, 11 })]
    [DataRow(Anchor.Right, new byte[] { 2, 3, 12, 13 })]
    [DataRow(Anchor.Center, new byte[] { 1, 2, 11, 12 })]
    [DataRow(Anchor.Top, new byte[] { 1, 2, 11, 12 })]
    public void IsoCropKeepsTheAnchoredPart(Anchor anchor, byte[] expected)
    {
        var result = Resize(Numbered(4, 2), 2, 2, ResizingKind.IsoCrop, anchor);
        Assert.AreEqual((2, 2), (result.Width, result.Height));
        CollectionAssert.AreEqual(expected, result.Pixels.ToArray());
    }

    [TestMethod]
    [DataRow(Anchor.Top, new byte[] { 0, 1, 2, 3, 10, 11, 12, 13, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [DataRow(Anchor.Bottom, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 10, 11, 12, 13 })]
    [DataRow(Anchor.Center, new byte[] { 0, 0, 0, 0, 0, 1, 2, 3, 10, 11, 12, 13, 0, 0, 0, 0 })]
    public void IsoPadPlacesTheImageAtTheAnchor(Anchor anchor, byte[] expected)
    {
        var result = Resize(Numbered(4, 2), 4, 4, ResizingKind.IsoPad, anchor);
        CollectionAssert.AreEqual(expected, result.Pixels.ToArray());
    }

    [TestMethod]
    public void OutputSizesFollowTheKind()
    {
        var wide = ImageTestData.Pattern(40, 20);
        foreach (var kind in Enum.GetValues<ResizingKind>())
        {
            var result = Resize(wide, 16, 12, kind, Anchor.Center);
            Assert.AreEqual((16, 12, PixelFormat.Rgb24), (result.Width, result.Height, result.Format), kind.ToString());
        }
        // IsoPad of a 2:1 image into a square: 8×4 content, two black rows above and below.
        var padded = Resize(Image.Create(20, 10, PixelFormat.Gray8, ImageColor.White), 8, 8, ResizingKind.IsoPad, Anchor.Center);
        CollectionAssert.AreEqual(Enumerable.Repeat((byte)0, 16).Concat(Enumerable.Repeat((byte)255, 32)).Concat(Enumerable.Repeat((byte)0, 16)).ToArray(), padded.Pixels.ToArray());
        // Fill stretches a constant image to a constant image.
        var filled = Resize(Image.Create(3, 7, PixelFormat.Gray8, ImageColor.Gray(77)), 5, 2, ResizingKind.Fill, Anchor.Center);
        Assert.IsTrue(filled.Pixels.ToArray().All(b => b == 77));
    }
}
