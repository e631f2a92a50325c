using System.Runtime.CompilerServices;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

// These read the process-wide live-tensor count, so they must not run beside other tests.
[TestClass]
[DoNotParallelize]
public sealed class LiveTensorsTests
{
    [TestMethod]
    public void TheCountFollowsCreationAndDisposal()
    {
        long before = LiveTensors.SettledCount();
        var a = ones(3);
        var b = a * 2;
        Assert.AreEqual(before + 2, LiveTensors.Count);
        a.Dispose();
        b.Dispose();
        Assert.AreEqual(before, LiveTensors.Count);
    }

    [TestMethod]
    public void TheSettledCountLeavesOutDroppedTensorsThatFinalizersFreeAndKeepsLiveOnes()
    {
        long baseline = LiveTensors.SettledCount();
        using var kept = ones(4);
        AllocateAndForget(100);
        Assert.IsGreaterThanOrEqualTo(baseline + 101, LiveTensors.Count, "the count sees the dropped tensors until they are finalized");
        Assert.AreEqual(baseline + 1, LiveTensors.SettledCount(), "the finalizers freed the dropped tensors, not the kept one");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AllocateAndForget(int count)
    {
        for (int i = 0; i < count; i++) _ = ones(16) * 2;
    }
}
