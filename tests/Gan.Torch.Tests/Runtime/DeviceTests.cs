using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

[TestClass]
public sealed class DeviceTests
{
    [TestMethod]
    public void DevicesParseAndPrint()
    {
        Assert.AreEqual(Device.CPU, Device.Parse("cpu"));
        Assert.AreEqual(Device.CUDA(1), Device.Parse(" CUDA:1 "));
        Assert.AreEqual("cuda:1", Device.CUDA(1).ToString());
        Assert.ThrowsExactly<FormatException>(() => Device.Parse("gpu"));
    }

    [TestMethod]
    public void TheDefaultDeviceFollowsWhatTheLinkedLibtorchCanDo()
    {
        if (Environment.GetEnvironmentVariable("GAN_DEVICE") is { Length: > 0 }) Assert.Inconclusive("GAN_DEVICE overrides the default");
        Assert.AreEqual(Tensors.IsCudaAvailable ? DeviceType.CUDA : DeviceType.CPU, Tensors.DefaultDevice.Type);
        using var t = Tensors.Zeros(2);
        Assert.AreEqual(Tensors.DefaultDevice.Type, t.Device.Type);
    }

    [TestMethod]
    public void TensorsMoveToCudaAndBack()
    {
        if (!Tensors.IsCudaAvailable) Assert.Inconclusive("this libtorch has no CUDA device");
        using var scope = Tensors.NewDisposeScope();
        var cpu = Tensors.FromSpan<float>([1f, 2f], [2], Device.CPU);
        var gpu = cpu.To(Device.CUDA());
        Assert.AreEqual(DeviceType.CUDA, gpu.Device.Type);
        CollectionAssert.AreEqual(new[] { 2f, 4f }, (gpu * 2).ToArray<float>());
    }

    [TestMethod]
    public void MovingToAnUnavailableDeviceIsATypedError()
    {
        if (Tensors.IsCudaAvailable) Assert.Inconclusive("CUDA is available here");
        using var t = Tensors.Zeros(2);
        var e = Assert.ThrowsExactly<TorchNotImplementedException>(() => t.To(Device.CUDA()));
        StringAssert.Contains(e.Message, "CUDA is not available");
        Assert.ThrowsExactly<TorchNotImplementedException>(() => Tensors.Zeros([2], device: Device.CUDA()));
    }
}
