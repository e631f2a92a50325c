using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// <see cref="TorchRuntime"/>: the load check and the one device decision. GAN_DEVICE is read once per process, so the
/// tests that set it run a child process.
/// </summary>
[TestClass]
public sealed class TorchRuntimeTests
{
    private const string DeviceVariable = "GAN_DEVICE";

    [TestMethod]
    public void EnsureLoadedCanBeCalledAgainAndFromManyThreadsAtOnce()
    {
        Parallel.For(0, 16, _ => TorchRuntime.EnsureLoaded());
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        Assert.AreEqual(6f, (ones(3) * 2).sum().item<float>());
    }

    [TestMethod]
    public void TheDefaultDeviceIsTheCpuHereAndDecidedOnce()
    {
        if (Environment.GetEnvironmentVariable(DeviceVariable) is { Length: > 0 } set) Assert.Inconclusive($"{DeviceVariable}={set} decides here");
        if (cuda.is_available()) Assert.Inconclusive("this process sees a GPU");
        var device = TorchRuntime.DefaultDevice;
        Assert.AreEqual(DeviceType.CPU, device.type);
        Assert.AreSame(device, TorchRuntime.DefaultDevice);
    }

    [TestMethod]
    public void GanDeviceCpuChoosesTheCpuWhateverItsCaseAndSpaces()
    {
        var (exitCode, output) = ChildProcess.Run(PrintDefaultDevice, new Dictionary<string, string?> { [DeviceVariable] = " CPU " });
        Assert.AreEqual(0, exitCode, output);
        StringAssert.Contains(output, "device: CPU");
    }

    [TestMethod]
    public void GanDeviceNamingAGpuThatIsNotThereIsATypedError()
    {
        if (cuda.is_available()) Assert.Inconclusive("this process sees a GPU");
        var (exitCode, output) = ChildProcess.Run(PrintDefaultDevice, new Dictionary<string, string?> { [DeviceVariable] = "cuda" });
        Assert.AreEqual(1, exitCode, output);
        StringAssert.StartsWith(output, $"{typeof(TorchNativeLibraryException).FullName}: {DeviceVariable}=\"cuda\" names a GPU this process cannot use");
        StringAssert.Contains(output, "libtorch-cuda-12.8-linux-x64");
    }

    [TestMethod]
    [DataRow("tpu")]
    [DataRow("cuda:x")]
    public void GanDeviceThatIsNoDeviceIsATypedError(string value)
    {
        var (exitCode, output) = ChildProcess.Run(PrintDefaultDevice, new Dictionary<string, string?> { [DeviceVariable] = value });
        Assert.AreEqual(1, exitCode, output);
        StringAssert.StartsWith(output, $"{typeof(TorchNativeLibraryException).FullName}: {DeviceVariable}=\"{value}\" is not a device (use cpu, cuda or cuda:N)");
    }

    private static void PrintDefaultDevice() => Console.WriteLine($"device: {TorchRuntime.DefaultDevice.type}");
}
