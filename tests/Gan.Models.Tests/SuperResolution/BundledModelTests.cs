using Gan.Imaging;
using Gan.Models.SuperResolution;
using static Gan.Models.Tests.SuperResolution.SrTestData;

namespace Gan.Models.Tests.SuperResolution;

/// <summary>The models committed in src/Gan.Models/SuperResolution/Bundled (trained by scripts/train-sr-models.sh).</summary>
[TestClass]
public sealed class BundledModelTests
{
    // img_008 (88×72 at ×4) is small and textured: the committed models gain ≈ 3 dB on it at both scales
    // (docs/superresolution.md, "Bundled models"); the margin is half that, so a broken, untrained or swapped file
    // fails while a retrained model of the same quality passes.
    [TestMethod]
    [DataRow(2, 1.5)]
    [DataRow(4, 1.5)]
    public void TheBundledModelBeatsBicubicOnASet14Image(int scale, double margin)
    {
        string path = BundledModelPath(scale);
        using var network = SrResNetSerialization.Load(path);
        string folder = Set14(scale);
        var lr = Image.Load(Path.Combine(folder, $"img_008_SRF_{scale}_LR.png"));
        var hr = Image.Load(Path.Combine(folder, $"img_008_SRF_{scale}_HR.png")).ConvertTo(PixelFormat.Rgb24);

        var model = new SuperResolver(network).Upscale(lr).ConvertTo(PixelFormat.Rgb24);
        var bicubic = AntialiasedBicubic.Resize(lr, lr.Width * scale, lr.Height * scale).ConvertTo(PixelFormat.Rgb24);

        Assert.AreEqual(scale, network.Scale);
        Assert.IsLessThan(5_000_000L, new FileInfo(path).Length, "a bundled model must stay a few MB");
        double gain = SrMetrics.PsnrY(model, hr, scale) - SrMetrics.PsnrY(bicubic, hr, scale);
        Assert.IsGreaterThan(margin, gain, $"×{scale}: the model gains {gain:F2} dB over bicubic");
    }

    private static string BundledModelPath(int scale)
    {
        string relative = Path.Combine("src", "Gan.Models", "SuperResolution", "Bundled", $"srresnet-x{scale}.safetensors");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"{relative} was not found above the test binaries");
        return "";
    }
}
