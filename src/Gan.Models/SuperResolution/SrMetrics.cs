using Gan.Imaging;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.SuperResolution;

/// <summary>
/// PSNR and SSIM as the super-resolution literature reports them (BasicSR's and the MATLAB scripts' convention):
/// on the luma Y of ITU-R BT.601 on the 0–255 scale, Y = 16 + 65.481 R + 128.553 G + 24.966 B with R, G, B in [0, 1]
/// (MATLAB's rgb2ycbcr, not rounded), after cropping <c>border</c> pixels (the scale) from every side, in float64.
/// PSNR = 10 log10(255² / MSE). SSIM (Wang et al. 2004) uses an 11×11 Gaussian window with σ = 1.5, K1 = 0.01,
/// K2 = 0.03, L = 255, over the valid region (no padding), averaged. Gray inputs count as R = G = B.
/// </summary>
public static class SrMetrics
{
    private const double PeakValue = 255;
    private const int WindowSize = 11;
    private const double WindowSigma = 1.5;
    private static readonly double C1 = Math.Pow(0.01 * PeakValue, 2);
    private static readonly double C2 = Math.Pow(0.03 * PeakValue, 2);

    /// <summary>BT.601 luma on 0–255 (float64 [N, 1, H, W]) of float images [N, 3 or 1, H, W] in [0, 1].</summary>
    /// <exception cref="ArgumentException">The images are not [N, 1 or 3, H, W].</exception>
    public static Tensor LumaY(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || images.size(1) is not (1 or 3))
            throw new ArgumentException($"images must be [N, 3 or 1, H, W], got {ShapeText.Of(images)}", nameof(images));
        using var scope = NewDisposeScope();
        var x = images.detach().to(ScalarType.Float64);
        var rgb = x.size(1) == 1 ? x.expand(x.size(0), 3, x.size(2), x.size(3)) : x;
        var y = rgb.narrow(1, 0, 1).mul(65.481).add(rgb.narrow(1, 1, 1).mul(128.553)).add(rgb.narrow(1, 2, 1).mul(24.966)).add(16.0);
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>PSNR-Y in dB of each of <paramref name="superResolved"/> against <paramref name="highResolution"/> (float [N, C, H, W] in [0, 1]); +∞ where identical.</summary>
    /// <exception cref="ArgumentException">The shapes differ, are not images, or the crop leaves nothing.</exception>
    public static double[] PsnrY(Tensor superResolved, Tensor highResolution, int border)
    {
        using var scope = NewDisposeScope();
        var (a, b) = CroppedLuma(superResolved, highResolution, border, 1);
        var mse = a.sub(b).square().mean([1, 2, 3]).CopyToArray<double>();
        return [.. mse.Select(m => m == 0 ? double.PositiveInfinity : 10 * Math.Log10(PeakValue * PeakValue / m))];
    }

    /// <summary>SSIM-Y of each of <paramref name="superResolved"/> against <paramref name="highResolution"/> (float [N, C, H, W] in [0, 1]).</summary>
    /// <exception cref="ArgumentException">The shapes differ, are not images, or the crop leaves less than 11×11 pixels.</exception>
    public static double[] SsimY(Tensor superResolved, Tensor highResolution, int border)
    {
        using var scope = NewDisposeScope();
        var (a, b) = CroppedLuma(superResolved, highResolution, border, WindowSize);
        var (row, column) = GaussianWindow(a.device);
        Tensor Filter(Tensor t) => nn.functional.conv2d(nn.functional.conv2d(t, row), column);
        var muA = Filter(a);
        var muB = Filter(b);
        var muA2 = muA.square();
        var muB2 = muB.square();
        var muAB = muA.mul(muB);
        var sigmaA2 = Filter(a.square()).sub(muA2);
        var sigmaB2 = Filter(b.square()).sub(muB2);
        var sigmaAB = Filter(a.mul(b)).sub(muAB);
        var numerator = muAB.mul(2.0).add(C1).mul(sigmaAB.mul(2.0).add(C2));
        var denominator = muA2.add(muB2).add(C1).mul(sigmaA2.add(sigmaB2).add(C2));
        return numerator.div(denominator).mean([1, 2, 3]).CopyToArray<double>();
    }

    /// <summary>PSNR-Y in dB of one image against another of the same size (gray, RGB or RGBA; alpha is ignored).</summary>
    public static double PsnrY(Image superResolved, Image highResolution, int border) =>
        CompareImages(superResolved, highResolution, border, PsnrY);

    /// <summary>SSIM-Y of one image against another of the same size (gray, RGB or RGBA; alpha is ignored).</summary>
    public static double SsimY(Image superResolved, Image highResolution, int border) =>
        CompareImages(superResolved, highResolution, border, SsimY);

    private static double CompareImages(Image a, Image b, int border, Func<Tensor, Tensor, int, double[]> metric)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        using var scope = NewDisposeScope();
        return metric(ColourTensor(a), ColourTensor(b), border)[0];
    }

    private static Tensor ColourTensor(Image image) =>
        ImageTensors.FromImage(image, 0, 0, image.Width, image.Height, 0, image.Format == PixelFormat.Gray8 ? 1 : 3);

    private static (Tensor A, Tensor B) CroppedLuma(Tensor a, Tensor b, int border, int minimumSide)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNegative(border);
        if (!a.shape.SequenceEqual(b.shape))
            throw new ArgumentException($"the super-resolved images {ShapeText.Of(a)} and the originals {ShapeText.Of(b)} differ in shape", nameof(b));
        var ya = LumaY(a);
        var yb = LumaY(b);
        long height = ya.size(2) - 2L * border, width = ya.size(3) - 2L * border;
        if (height < minimumSide || width < minimumSide)
            throw new ArgumentException(
                $"images {ya.size(3)}x{ya.size(2)} minus a border of {border} leave less than {minimumSide}x{minimumSide} pixels", nameof(border));
        return (Crop(ya, border, height, width), Crop(yb, border, height, width));
    }

    private static Tensor Crop(Tensor y, int border, long height, long width) => y.narrow(2, border, height).narrow(3, border, width);

    // The normalised 1-D Gaussian as a row [1, 1, 1, 11] and a column [1, 1, 11, 1], float64: filtering with both is
    // filtering with their outer product, the 11×11 window, at 2 × 11 instead of 121 multiplications per pixel.
    private static (Tensor Row, Tensor Column) GaussianWindow(Device device)
    {
        var g = Enumerable.Range(0, WindowSize)
            .Select(i => Math.Exp(-Math.Pow(i - WindowSize / 2, 2) / (2 * WindowSigma * WindowSigma))).ToArray();
        double sum = g.Sum();
        var normalised = g.Select(v => v / sum).ToArray();
        return (TensorData.FromSpan<double>(normalised, 1, 1, 1, WindowSize).to(device), TensorData.FromSpan<double>(normalised, 1, 1, WindowSize, 1).to(device));
    }
}
