using Gan.Imaging;
using Gan.Models.SuperResolution;
using Gan.Models.Torch;
using static TorchSharp.torch;
using static Gan.Models.Tests.SuperResolution.SrTestData;

namespace Gan.Models.Tests.SuperResolution;

// Expected values are worked out by hand: a gray level v has Y = 16 + 219 v (65.481 + 128.553 + 24.966 = 219).
[TestClass]
public sealed class SrMetricsTests
{
    private static Tensor Filled(int side, params float[] rgb)
    {
        var values = new float[3 * side * side];
        for (int c = 0; c < 3; c++) Array.Fill(values, rgb[c], c * side * side, side * side);
        return TensorData.FromSpan<float>(values, 1, 3, side, side);
    }

    [TestMethod]
    public void LumaIsBt601OnTheZeroTo255Scale()
    {
        using var scope = NewDisposeScope();
        var y = SrMetrics.LumaY(Filled(1, 1f, 0f, 0f)).item<double>();
        var white = SrMetrics.LumaY(Filled(1, 1f, 1f, 1f)).item<double>();

        Assert.AreEqual(16 + 65.481, y, 1e-9);
        Assert.AreEqual(235, white, 1e-9);
    }

    [TestMethod]
    public void PsnrOfTwoGrayLevelsIsFromTheirLumaDifference()
    {
        using var scope = NewDisposeScope();
        // ΔY = 219 × 0.1 = 21.9, MSE = 479.61, PSNR = 10 log10(65025 / 479.61).
        double psnr = SrMetrics.PsnrY(Filled(6, 0.5f, 0.5f, 0.5f), Filled(6, 0.6f, 0.6f, 0.6f), border: 1)[0];

        Assert.AreEqual(21.321921, psnr, 1e-4);
    }

    [TestMethod]
    public void PsnrWeighsBlueBy24966Thousandths()
    {
        using var scope = NewDisposeScope();
        // Only blue differs by 0.1: ΔY = 2.4966, PSNR = 10 log10(65025 / 2.4966²).
        double psnr = SrMetrics.PsnrY(Filled(5, 0.2f, 0.4f, 0.6f), Filled(5, 0.2f, 0.4f, 0.7f), border: 0)[0];

        Assert.AreEqual(40.183824, psnr, 1e-4);
    }

    [TestMethod]
    public void TheBorderIsCroppedBeforeMeasuring()
    {
        // 8×8 images equal except a one-pixel frame; the frame is the 2-pixel border, and one inner pixel differs by 1/255.
        var a = new byte[8 * 8];
        var b = new byte[8 * 8];
        for (int i = 0; i < 64; i++) (a[i], b[i]) = (100, i / 8 is 0 or 7 || i % 8 is 0 or 7 ? (byte)200 : (byte)100);
        b[3 * 8 + 3] = 101;
        var sr = Image.FromPixels(8, 8, PixelFormat.Gray8, a);
        var hr = Image.FromPixels(8, 8, PixelFormat.Gray8, b);

        // 4×4 pixels after cropping 2; one differs by ΔY = 219/255: MSE = (219/255)² / 16.
        double expected = 10 * Math.Log10(65025 / (Math.Pow(219.0 / 255, 2) / 16));
        Assert.AreEqual(expected, SrMetrics.PsnrY(sr, hr, border: 2), 1e-6);
        Assert.IsLessThan(30, SrMetrics.PsnrY(sr, hr, border: 0));
        Assert.AreEqual(double.PositiveInfinity, SrMetrics.PsnrY(sr, sr, border: 2));
    }

    [TestMethod]
    public void SsimOfTwoFlatImagesIsTheLuminanceTerm()
    {
        using var scope = NewDisposeScope();
        // Y = 125.5 and 147.4, no variance: SSIM = (2ab + C1) / (a² + b² + C1), C1 = (0.01 × 255)² = 6.5025.
        double ssim = SrMetrics.SsimY(Filled(11, 0.5f, 0.5f, 0.5f), Filled(11, 0.6f, 0.6f, 0.6f), border: 0)[0];

        Assert.AreEqual(0.98720477, ssim, 1e-6);
    }

    [TestMethod]
    public void SsimOfAnEdgeAgainstAFlatImageIsTheContrastTermOfTheGaussianVariance()
    {
        // 13×13, border 1 → one 11×11 window. x: Y 81.7 left of the middle column, 125.5 on it, 169.3 right of it, so its
        // Gaussian mean is 125.5 (= the flat image's) and its variance is 43.8² × (1 − g₀), g₀ = 1 / Σₖ exp(−k²/4.5) the
        // window's centre-column weight: SSIM = C2 / (σx² + C2), C2 = (0.03 × 255)² = 58.5225.
        var edge = new byte[13 * 13];
        var flat = new byte[13 * 13];
        for (int row = 0; row < 13; row++)
            for (int column = 0; column < 13; column++)
                edge[row * 13 + column] = column switch { < 6 => 0, 6 => 128, _ => 255 };
        Array.Fill(flat, (byte)128);
        using var scope = NewDisposeScope();
        var x = TensorData.FromSpan<float>(edge.Select(v => v == 0 ? 0.3f : v == 128 ? 0.5f : 0.7f).ToArray(), 1, 1, 13, 13);
        var y = full([1, 1, 13, 13], 0.5f);

        double ssim = SrMetrics.SsimY(x, y, border: 1)[0];

        Assert.AreEqual(0.0399026, ssim, 1e-5);
        Assert.AreEqual(1.0, SrMetrics.SsimY(x, x, border: 1)[0], 1e-12);
    }

    [TestMethod]
    public void ImagesTooSmallForTheWindowAfterCroppingAreRefused()
    {
        using var a = RandomImages(1, 3, 14, 14, seed: 1);

        var error = Assert.ThrowsExactly<ArgumentException>(() => SrMetrics.SsimY(a, a, border: 2));

        StringAssert.Contains(error.Message, "11x11");
    }

    [TestMethod]
    public void ImagesOfDifferentShapesAreRefused()
    {
        using var a = RandomImages(1, 3, 14, 14, seed: 1);
        using var b = RandomImages(1, 3, 14, 15, seed: 1);

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => SrMetrics.PsnrY(a, b, border: 2)).Message, "differ in shape");
    }
}
