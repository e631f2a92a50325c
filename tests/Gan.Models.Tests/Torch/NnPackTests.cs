using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// NNPACK is off where it cannot start (CPUs that describe no caches), so libtorch does not warn at every eligible
/// convolution; each case runs in a fresh process, since the flag and the warnings are per process.
/// </summary>
[TestClass]
public sealed class NnPackTests
{
    private const string Warning = "Could not initialize NNPACK";

    [TestMethod]
    public void ConvolutionsDoNotWarnAboutNnPackWhereItCannotStart()
    {
        if (!OneDnnIsa.MisreportsCaches()) Assert.Inconclusive("this CPU describes its caches: NNPACK can start and is left alone");

        var (exitCode, output) = ChildProcess.Run(ConvolveAfterLoading);
        Assert.AreEqual(0, exitCode, output);
        Assert.Contains("nnpack enabled: False", output);
        Assert.DoesNotContain(Warning, output);

        // The same convolutions with NNPACK left on: the warnings the first run must not show.
        var (_, enabledOutput) = ChildProcess.Run(ConvolveWithNnPackEnabled);
        Assert.Contains(Warning, enabledOutput);
    }

    [TestMethod]
    public void NnPackIsLeftAloneWhereTheCpuDescribesItsCaches()
    {
        if (OneDnnIsa.MisreportsCaches()) Assert.Inconclusive("this CPU describes no caches: NNPACK is turned off here");
        TorchRuntime.EnsureLoaded();
        Assert.AreNotEqual(false, LibTorchContext.NnPackEnabled());
    }

    private static void ConvolveAfterLoading()
    {
        TorchRuntime.EnsureLoaded();
        Convolve();
        Console.WriteLine($"nnpack enabled: {LibTorchContext.NnPackEnabled()}");
    }

    private static void ConvolveWithNnPackEnabled()
    {
        TorchRuntime.EnsureLoaded();
        LibTorchContext.TrySetNnPackEnabled(true);
        Convolve();
    }

    // Single small images with 3×3 kernels: the convolutions libtorch offers to NNPACK rather than oneDNN.
    private static void Convolve()
    {
        using var scope = NewDisposeScope();
        for (int i = 0; i < 3; i++)
            nn.functional.conv2d(randn(1, 4, 16, 16), randn(4, 4, 3, 3), padding: [1, 1]).sum().item<float>();
    }
}
