using Gan.Imaging.Composition;

namespace Gan.Imaging.Tests;

[TestClass]
public sealed class SampleGridTests
{
    private static readonly ImageColor Background = new(10, 20, 30);

    [TestMethod]
    public void PlacesImagesRowByRowWithPadding()
    {
        // Five 3x2 images, 2 per row, padding 1: 3 rows, canvas (1 + 2·4) x (1 + 3·3) = 9 x 10.
        var images = Enumerable.Range(0, 5).Select(i => Image.Create(3, 2, PixelFormat.Gray8, ImageColor.Gray((byte)(100 + i)))).ToArray();
        var grid = SampleGrid.Compose(images, columns: 2, padding: 1, background: Background);
        Assert.AreEqual((9, 10, PixelFormat.Rgb24), (grid.Width, grid.Height, grid.Format));
        for (int y = 0; y < grid.Height; y++)
            for (int x = 0; x < grid.Width; x++)
            {
                int column = (x - 1) / 4, row = (y - 1) / 3;
                bool inside = x >= 1 && y >= 1 && (x - 1) % 4 < 3 && (y - 1) % 3 < 2 && row * 2 + column < 5;
                var expected = inside ? ImageColor.Gray((byte)(100 + row * 2 + column)) : Background;
                Assert.AreEqual(expected, grid.GetPixel(x, y), $"({x}, {y})");
            }
    }

    [TestMethod]
    public void KeepsAlphaWhenAnyInputHasIt()
    {
        var images = new[] { Image.Create(1, 1, PixelFormat.Rgba32, new ImageColor(1, 2, 3, 4)), Image.Create(1, 1, PixelFormat.Gray8, ImageColor.Gray(9)) };
        var grid = SampleGrid.Compose(images, columns: 2, padding: 0);
        Assert.AreEqual(PixelFormat.Rgba32, grid.Format);
        Assert.AreEqual(new ImageColor(1, 2, 3, 4), grid.GetPixel(0, 0));
        Assert.AreEqual(ImageColor.Gray(9), grid.GetPixel(1, 0));
    }

    [TestMethod]
    public void DrawsRowLabelsInTheLeftMargin()
    {
        // Two 2-pixel-wide 9-pixel-tall images in one column, padding 2, labels "1" and "L" (5 pixels wide):
        // margin = 2 + 5 = 7; labels start at x = 2, y = row top + (9 - 7) / 2 = row top + 1.
        var images = new[] { Image.Create(2, 9, PixelFormat.Rgb24, ImageColor.Black), Image.Create(2, 9, PixelFormat.Rgb24, ImageColor.Black) };
        var grid = SampleGrid.Compose(images, columns: 1, padding: 2, background: ImageColor.White, rowLabels: ["1", "L"]);
        Assert.AreEqual((7 + 2 + 4, 2 + 2 * 11), (grid.Width, grid.Height));
        string[] one = ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."];
        string[] ell = ["#....", "#....", "#....", "#....", "#....", "#....", "#####"];
        for (int y = 0; y < grid.Height; y++)
            for (int x = 0; x < 7; x++)
            {
                var glyph = y is >= 3 and < 10 ? one[y - 3] : y is >= 14 and < 21 ? ell[y - 14] : null;
                bool ink = glyph is not null && x is >= 2 and < 7 && glyph[x - 2] == '#';
                Assert.AreEqual(ink ? ImageColor.Black : ImageColor.White, grid.GetPixel(x, y), $"({x}, {y})");
            }
        Assert.AreEqual(ImageColor.Black, grid.GetPixel(9, 2));
        Assert.AreEqual(ImageColor.White, grid.GetPixel(8, 2));
    }

    [TestMethod]
    public void LabelsAreWhiteOnDarkBackgrounds()
    {
        var grid = SampleGrid.Compose([Image.Create(1, 7, PixelFormat.Gray8, ImageColor.Black)], 1, padding: 0, rowLabels: ["-"]);
        Assert.AreEqual(ImageColor.White, grid.GetPixel(0, 3));
        Assert.AreEqual(ImageColor.Black, grid.GetPixel(0, 2));
    }

    [TestMethod]
    public void RejectsInconsistentInput()
    {
        var a = Image.Create(2, 2, PixelFormat.Gray8, ImageColor.Black);
        var b = Image.Create(3, 2, PixelFormat.Gray8, ImageColor.Black);
        Assert.ThrowsExactly<ArgumentException>(() => SampleGrid.Compose([a, b], 2));
        Assert.ThrowsExactly<ArgumentException>(() => SampleGrid.Compose([], 2));
        Assert.ThrowsExactly<ArgumentException>(() => SampleGrid.Compose([a, a, a], 2, rowLabels: ["only one"]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SampleGrid.Compose([a], 0));
    }

    [TestMethod]
    public void GridSurvivesPng()
    {
        var grid = SampleGrid.Compose([Image.Create(4, 7, PixelFormat.Gray8, ImageColor.Gray(77))], 1, rowLabels: ["Epoch 3: ok!"]);
        CollectionAssert.AreEqual(grid.Pixels.ToArray(), Image.Decode(grid.Encode(ImageFormat.Png)).Pixels.ToArray());
    }
}
