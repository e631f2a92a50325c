using Gan.Imaging;
using Gan.Models.SuperResolution;
using static Gan.Models.Tests.SuperResolution.SrTestData;

namespace Gan.Models.Tests.SuperResolution;

[TestClass]
public sealed class BundledSrModelsTests
{
    [TestMethod]
    [DataRow(2)]
    [DataRow(4)]
    public void TheBundledModelOfAScaleLoadsOrIsReportedMissingByScale(int scale)
    {
        Assert.IsTrue(BundledSrModels.IsAvailable(scale), $"the build must embed srresnet-x{scale}.safetensors");
        using var network = BundledSrModels.Load(scale);

        Assert.AreEqual(scale, network.Scale);
        var upscaled = new SuperResolver(network).Upscale(RandomImage(20, 16, PixelFormat.Rgb24, seed: 1));
        Assert.AreEqual((20 * scale, 16 * scale), (upscaled.Width, upscaled.Height));
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(3)]
    [DataRow(8)]
    public void ScalesWithoutABundledModelAreRefused(int scale)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => BundledSrModels.Load(scale));

        Assert.AreEqual("scale", error.ParamName);
        StringAssert.Contains(error.Message, $"not ×{scale}");
    }
}
