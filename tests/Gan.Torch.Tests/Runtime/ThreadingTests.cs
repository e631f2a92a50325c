using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

[TestClass]
public sealed class ThreadingTests
{
    [TestMethod]
    [DoNotParallelize] // the intra-op thread count is process-wide
    public void IntraOpThreadsCanBeReadAndSet()
    {
        int original = Tensors.Threads;
        try
        {
            Tensors.Threads = 2;
            Assert.AreEqual(2, Tensors.Threads);
            Tensors.Threads = 1;
            Assert.AreEqual(1, Tensors.Threads);
            Assert.ThrowsExactly<TorchArgumentException>(() => Tensors.Threads = 0);
        }
        finally
        {
            Tensors.Threads = original;
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
                    using var scope = Tensors.NewDisposeScope();
                    // Work: a gradient that must come out exactly as 2·x for this thread's own x.
                    var x = Tensors.Full([3], (double)(id + 1)).RequiresGrad_();
                    x.Square().Sum().Backward();
                    var grad = x.Grad!.ToArray<float>();
                    if (grad.Any(v => v != 2f * (id + 1))) failures.Add($"thread {id}: wrong gradient {string.Join(",", grad)}");

                    // Error: shapes unique to this thread must appear in this thread's message.
                    var a = Tensors.Zeros(2, id + 3);
                    var b = Tensors.Zeros(id + 10, 2);
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
