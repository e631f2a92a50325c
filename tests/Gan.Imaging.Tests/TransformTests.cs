using Gan.Imaging.Tests.Support;

namespace Gan.Imaging.Tests;

[TestClass]
public sealed class TransformTests
{
    private static Image Gray(int width, int height, params byte[] pixels) => Image.FromPixels(width, height, PixelFormat.Gray8, pixels);

    [TestMethod]
    public void NearestDoublesEachPixel()
    {
        var result = Gray(2, 2, 10, 20, 30, 40).Resize(4, 4, ResizeMethod.Nearest);
        CollectionAssert.AreEqual(new byte[]
        {
            10, 10, 20, 20,
            10, 10, 20, 20,
            30, 30, 40, 40,
            30, 30, 40, 40,
        }, result.Pixels.ToArray());
    }

    [TestMethod]
    public void NearestTakesThePixelUnderEachCentre()
    {
        // Centres (x + 0.5) · 10 / 3 = 1.67, 5, 8.33: the centre on the boundary of pixels 4 and 5 takes pixel 4.
        CollectionAssert.AreEqual(new byte[] { 1, 4, 8 },
            Gray(10, 1, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).Resize(3, 1, ResizeMethod.Nearest).Pixels.ToArray());
        CollectionAssert.AreEqual(new byte[] { 0, 2, 4 }, Gray(5, 1, [0, 1, 2, 3, 4]).Resize(3, 1, ResizeMethod.Nearest).Pixels.ToArray());
    }

    [TestMethod]
    public void AreaShrinkStaysNearTheBlockMeansOfAPhoto()
    {
        // Shrinking by 3 (no mip level matches): within a few levels of the exact means, where plain bilinear aliases.
        var photo = Image.Load(TestImages.Skimage("camera.png")).Crop(0, 0, 510, 510);
        double AreaError(ResizeMethod method)
        {
            var small = photo.Resize(170, 170, method);
            double sum = 0;
            for (int y = 0; y < 170; y++)
                for (int x = 0; x < 170; x++)
                {
                    double mean = 0;
                    for (int j = 0; j < 3; j++)
                        for (int i = 0; i < 3; i++)
                            mean += photo.Pixels[(3 * y + j) * 510 + 3 * x + i] / 9.0;
                    sum += Math.Abs(small.Pixels[y * 170 + x] - mean);
                }
            return sum / (170 * 170);
        }
        double area = AreaError(ResizeMethod.Area), bilinear = AreaError(ResizeMethod.Bilinear);
        Assert.IsLessThan(2.0, area);
        Assert.IsGreaterThan(2 * area, bilinear);
    }

    [TestMethod]
    public void BilinearUsesHalfPixelCentres()
    {
        // Destination x maps to source (x + 0.5) / 2 - 0.5: weights (1, 0), (3/4, 1/4), (1/4, 3/4), (0, 1) per axis.
        byte[] source = [0, 160, 240, 80];
        double[][] weights = [[1, 0], [0.75, 0.25], [0.25, 0.75], [0, 1]];
        var expected = new byte[16];
        for (int y = 0; y < 4; y++)
            for (int x = 0; x < 4; x++)
            {
                double v = 0;
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < 2; j++)
                        v += weights[y][i] * weights[x][j] * source[i * 2 + j];
                expected[y * 4 + x] = (byte)v; // every value is a whole number: sixteenths of multiples of 16
            }
        CollectionAssert.AreEqual(expected, Gray(2, 2, source).Resize(4, 4, ResizeMethod.Bilinear).Pixels.ToArray());
    }

    [TestMethod]
    public void BicubicMatchesTheKeysKernel()
    {
        byte[] source = [10, 200, 30, 120];
        var result = Gray(4, 1, source).Resize(8, 1, ResizeMethod.Bicubic).Pixels.ToArray();
        for (int x = 0; x < 8; x++)
        {
            double sx = (x + 0.5) / 2 - 0.5;
            int i = (int)Math.Floor(sx);
            double t = sx - i, v = 0;
            for (int k = -1; k <= 2; k++) v += Keys(k - t) * source[Math.Clamp(i + k, 0, 3)];
            double expected = Math.Clamp(Math.Round(v), 0, 255);
            Assert.AreEqual(expected, result[x], 1.0, $"x = {x}");
        }

        static double Keys(double d)
        {
            const double a = -0.75;
            d = Math.Abs(d);
            return d <= 1 ? ((a + 2) * d - (a + 3)) * d * d + 1
                : d < 2 ? ((a * d - 5 * a) * d + 8 * a) * d - 4 * a
                : 0;
        }
    }

    [TestMethod]
    public void AreaShrinkTakesBlockMeans()
    {
        var source = Gray(4, 4,
            0, 4, 100, 104,
            8, 12, 96, 100,
            255, 255, 1, 3,
            253, 253, 5, 7);
        CollectionAssert.AreEqual(new byte[] { 6, 100, 254, 4 }, source.Resize(2, 2, ResizeMethod.Area).Pixels.ToArray());
    }

    [TestMethod]
    public void ResizeKeepsChannelsApart()
    {
        var image = Image.Create(3, 3, PixelFormat.Rgba32, new ImageColor(1, 2, 3, 4));
        foreach (var method in Enum.GetValues<ResizeMethod>())
        {
            var resized = image.Resize(5, 2, method);
            Assert.AreEqual((5, 2, PixelFormat.Rgba32), (resized.Width, resized.Height, resized.Format));
            Assert.AreEqual(new ImageColor(1, 2, 3, 4), resized.GetPixel(4, 1), method.ToString());
        }
    }

    [TestMethod]
    public void ResizeRejectsEmptySizes() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Gray(1, 1, 0).Resize(0, 3));

    [TestMethod]
    public void GrayToRgbAndBackIsExact()
    {
        var gray = TestImages.Random(7, 5, PixelFormat.Gray8, seed: 8);
        var rgb = gray.ConvertTo(PixelFormat.Rgb24);
        var rgba = gray.ConvertTo(PixelFormat.Rgba32);
        for (int i = 0; i < gray.Pixels.Length; i++)
        {
            byte g = gray.Pixels[i];
            CollectionAssert.AreEqual(new[] { g, g, g }, rgb.Pixels.Slice(3 * i, 3).ToArray());
            CollectionAssert.AreEqual(new[] { g, g, g, (byte)255 }, rgba.Pixels.Slice(4 * i, 4).ToArray());
        }
        CollectionAssert.AreEqual(gray.Pixels.ToArray(), rgb.ConvertTo(PixelFormat.Gray8).Pixels.ToArray());
        CollectionAssert.AreEqual(gray.Pixels.ToArray(), rgba.ConvertTo(PixelFormat.Gray8).Pixels.ToArray());
    }

    [TestMethod]
    public void RgbToGrayIsBt601Luma()
    {
        var rgb = Image.FromPixels(4, 1, PixelFormat.Rgb24, [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
        // 0.299·255 = 76.245, 0.587·255 = 149.685, 0.114·255 = 29.07, 2.99 + 11.74 + 3.42 = 18.15
        CollectionAssert.AreEqual(new byte[] { 76, 150, 29, 18 }, rgb.ConvertTo(PixelFormat.Gray8).Pixels.ToArray());
    }

    [TestMethod]
    public void RgbaToRgbDropsAlpha()
    {
        var rgba = Image.FromPixels(2, 1, PixelFormat.Rgba32, [1, 2, 3, 4, 5, 6, 7, 8]);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 5, 6, 7 }, rgba.ConvertTo(PixelFormat.Rgb24).Pixels.ToArray());
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 255, 5, 6, 7, 255 },
            rgba.ConvertTo(PixelFormat.Rgb24).ConvertTo(PixelFormat.Rgba32).Pixels.ToArray());
    }

    [TestMethod]
    public void CropCopiesTheRegion()
    {
        var image = Gray(4, 3, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        CollectionAssert.AreEqual(new byte[] { 5, 6, 9, 10 }, image.Crop(1, 1, 2, 2).Pixels.ToArray());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => image.Crop(3, 0, 2, 1));
    }

    [TestMethod]
    public void FromPixelsValidatesTheLength()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Image.FromPixels(2, 2, PixelFormat.Rgb24, new byte[11]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Image.FromPixels(0, 2, PixelFormat.Rgb24, []));
    }
}
