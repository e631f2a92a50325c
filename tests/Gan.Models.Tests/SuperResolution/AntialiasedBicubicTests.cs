using Gan.Imaging;
using Gan.Models.SuperResolution;
using Gan.Models.Torch;
using static TorchSharp.torch;
using static Gan.Models.Tests.SuperResolution.SrTestData;

namespace Gan.Models.Tests.SuperResolution;

[TestClass]
public sealed class AntialiasedBicubicTests
{
    [TestMethod]
    public void ShrinkingAFineCheckerboardGivesFlatGrayNotAliasing()
    {
        using var scope = NewDisposeScope();
        var checker = TensorData.FromSpan<float>(Enumerable.Range(0, 63 * 63).Select(i => (float)((i / 63 + i % 63) % 2)).ToArray(), 1, 1, 63, 63);

        var antialiased = AntialiasedBicubic.Downscale(checker, 3).narrow(2, 2, 17).narrow(3, 2, 17);
        var plain = nn.functional.interpolate(checker, [21, 21], mode: InterpolationMode.Bicubic, align_corners: false).narrow(2, 2, 17).narrow(3, 2, 17);

        Assert.IsLessThan(0.01, antialiased.sub(0.5).abs().max().item<float>());
        Assert.IsGreaterThan(0.1, plain.sub(0.5).abs().max().item<float>(), "without antialiasing the pattern aliases");
    }

    [TestMethod]
    public void DownscalingRefusesSidesThatAreNotMultiplesOfTheFactor()
    {
        using var images = RandomImages(1, 3, 10, 9, seed: 1);

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => AntialiasedBicubic.Downscale(images, 2)).Message, "multiples of 2");
    }

    // The shared Set14 LR files were made by MATLAB's imresize; upscaling them with our bicubic and measuring PSNR-Y with
    // the scale cropped must give the published bicubic baselines (30.33 dB ×2, 26.09 dB ×4; measured here 30.331 / 26.091).
    [TestMethod]
    [DataRow(2, 30.33)]
    [DataRow(4, 26.09)]
    public void BicubicUpscalingOfSet14MatchesThePublishedPsnr(int scale, double published)
    {
        var scores = SrEvaluation.ScoreFolder(Set14(scale), scale, lr => AntialiasedBicubic.Resize(lr, lr.Width * scale, lr.Height * scale));

        Assert.HasCount(14, scores);
        Assert.AreEqual(published, scores.Average(s => s.Psnr), 0.01);
    }

    [TestMethod]
    public void AnUpscalerThatGetsTheSizeWrongIsNamed()
    {
        string folder = Set14(2);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => SrEvaluation.ScoreFolder(folder, 2, lr => lr));

        StringAssert.Contains(error.Message, "img_001_SRF_2_LR.png");
    }
}
