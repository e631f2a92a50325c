using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

[TestClass]
public sealed class ThreadingTests
{
    [TestMethod]
    [DoNotParallelize] // the intra-op thread count is process-wide
    public void IntraOpThreadsCanBeReadAndSet()
    {
        int original = Torch.Threads;
        try
        {
            Torch.Threads = 2;
            Assert.AreEqual(2, Torch.Threads);
            Torch.Threads = 1;
            Assert.AreEqual(1, Torch.Threads);
            Assert.ThrowsExactly<TorchArgumentException>(() => Torch.Threads = 0);
        }
        finally
        {
            Torch.Threads = original;
        }
    }

    [TestMethod]
    public void SeveralThreadsTrainIndependentlyAndKeepTheirOwnErrors()
    {
        const int workers = 4;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, workers).Select(id => new Thread(() =>
        {
            try
            {
                for (int iteration = 0; iteration < 200; iteration++)
                {
                    using var scope = Torch.NewDisposeScope();
                    // Work: a gradient that must come out exactly as 2·x for this thread's own x.
                    var x = Torch.Full([3], (double)(id + 1)).RequiresGrad_();
                    x.Square().Sum().Backward();
                    var grad = x.Grad!.ToArray<float>();
                    if (grad.Any(v => v != 2f * (id + 1))) failures.Add($"thread {id}: wrong gradient {string.Join(",", grad)}");

                    // Error: shapes unique to this thread must appear in this thread's message.
                    var a = Torch.Zeros(2, id + 3);
                    var b = Torch.Zeros(id + 10, 2);
                    var e = Assert.ThrowsExactly<TorchException>(() => a.Matmul(b));
                    if (!e.Message.Contains($"2x{id + 3} and {id + 10}x2"))
                        failures.Add($"thread {id}: foreign error message '{e.Message}'");
                }
            }
            catch (Exception e)
            {
                failures.Add($"thread {id}: {e}");
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures));
    }
}
