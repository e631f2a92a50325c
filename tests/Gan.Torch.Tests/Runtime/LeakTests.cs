using System.Runtime.CompilerServices;
using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

// These read the process-wide live-tensor counter, so they must not run beside other tests.
[TestClass]
[DoNotParallelize]
public sealed class LeakTests
{
    [TestMethod]
    public void TenThousandTrainingStepsLeaveNoTensorBehind()
    {
        using var g = new Generator(3);
        using var x = Tensors.Randn([32, 8], generator: g);
        using var trueW = Tensors.Randn([8, 1], generator: g);
        using var y = x.Matmul(trueW);
        using var w = Tensors.Zeros([8, 1]).RequiresGrad_();
        long baseline = Tensors.SettledLiveTensorCount();
        double firstLoss = double.NaN, lastLoss = double.NaN;

        for (int step = 0; step < 10_000; step++)
        {
            using var scope = Tensors.NewDisposeScope();
            var loss = (x.Matmul(w) - y).Square().Mean();
            loss.Backward();
            using (Tensors.NoGrad())
            {
                var grad = w.Grad!;
                w.SubInPlace(grad, 0.05);
            }
            w.ZeroGrad();
            if (step == 0) firstLoss = loss.Item<double>();
            if (step == 9_999) lastLoss = loss.Item<double>();
        }

        Assert.AreEqual(baseline, Tensors.LiveTensorCount, "tensors leaked by the training loop");
        Assert.IsTrue(lastLoss < 1e-6 * firstLoss, $"the regression did not converge: loss {firstLoss} -> {lastLoss}");
    }

    [TestMethod]
    public void TheSettledCountLeavesOutDroppedTensorsThatFinalizersFreeAndKeepsLiveOnes()
    {
        long baseline = Tensors.SettledLiveTensorCount();
        using var kept = Tensors.Ones(4);
        AllocateAndForget(100);
        Assert.IsGreaterThanOrEqualTo(baseline + 101, Tensors.LiveTensorCount, "the counter sees the dropped tensors until they are finalized");
        Assert.AreEqual(baseline + 1, Tensors.SettledLiveTensorCount(), "the finalizers freed the dropped tensors, not the kept one");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AllocateAndForget(int count)
    {
        for (int i = 0; i < count; i++) _ = Tensors.Ones(16) * 2;
    }
}
