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
        long baseline = SettledLiveTensorCount();
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
    public void TheFinalizerFreesTensorsThatWereNeverDisposed()
    {
        long baseline = SettledLiveTensorCount();
        AllocateAndForget(100);
        Assert.IsTrue(Tensors.LiveTensorCount >= baseline + 100, "the counter did not see the allocations");
        Assert.AreEqual(baseline, SettledLiveTensorCount());
    }

    // Tensors other tests dropped without disposing are freed by finalizers at unpredictable times; collect them
    // first so that the counter moves only because of the code under test.
    private static long SettledLiveTensorCount()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return Tensors.LiveTensorCount;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AllocateAndForget(int count)
    {
        for (int i = 0; i < count; i++) _ = Tensors.Ones(16) * 2;
    }
}
