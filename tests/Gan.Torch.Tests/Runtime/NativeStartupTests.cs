using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

[TestClass]
public sealed class NativeStartupTests
{
    [TestMethod]
    public void TheSpinCountIsNotSetOnceOpenMpHasLoaded()
    {
        using var loaded = Tensors.Ones(2) + 1; // libtorch, and the OpenMP it links, are loaded from here on
        Assert.IsFalse(NativeStartup.TrySetOpenMpSpinCount(1000), "OpenMP has read its settings already");
    }

    [TestMethod]
    public void ANegativeSpinCountIsRefused() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => NativeStartup.TrySetOpenMpSpinCount(-1));
}
