using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

/// <summary>libtorch's two caches of compiled convolution kernels: oneDNN's own and ideep's per-thread plans.</summary>
[TestClass]
[DoNotParallelize] // the capacities are process-wide (one in the environment), and one test reads the resident size
public sealed class KernelCacheTests
{
    private const long MiB = 1L << 20;
    private const string Status = "/proc/self/status";

    [TestMethod]
    public void TheOneDnnCapacityIsSetAndReadBackAndConvolutionsStillRun() =>
        WithCapacity(() => Tensors.OneDnnPrimitiveCacheCapacity, value => Tensors.OneDnnPrimitiveCacheCapacity = value, 3, () =>
        {
            using var scope = Tensors.NewDisposeScope();
            var weight = Tensors.Ones(4, 2, 3, 3);
            for (int side = 5; side < 10; side++) // more shapes than the cache holds
            {
                var output = Gan.Torch.NN.Functional.Conv2d(Tensors.Ones(1, 2, side, side), weight, null, (1, 1), (1, 1));
                Assert.AreEqual(18.0, output[0][0][2][2].Item<float>(), 1e-5, "an inner pixel sums 2 × 9 ones");
            }
        });

    [TestMethod]
    public void TheConvolutionPlanCapacityIsSetAndReadBack() =>
        WithCapacity(() => Tensors.ConvolutionPlanCacheCapacity, value => Tensors.ConvolutionPlanCacheCapacity = value, 7, () => { });

    [TestMethod]
    public void ANegativeOneDnnCapacityIsRefused() =>
        StringAssert.Contains(Assert.ThrowsExactly<TorchArgumentException>(() => Tensors.OneDnnPrimitiveCacheCapacity = -1).Message, "capacity");

    [TestMethod]
    public void AConvolutionPlanCapacityBelowOneIsRefused() =>
        StringAssert.Contains(Assert.ThrowsExactly<TorchArgumentException>(() => Tensors.ConvolutionPlanCacheCapacity = 0).Message, "≥ 1");

    [TestMethod]
    public void ASmallPlanCapacityKeepsAThreadOverManyShapesFromGrowing()
    {
        if (!File.Exists(Status)) Assert.Inconclusive("no /proc/self/status to read the resident size from");
        int planBefore = Tensors.ConvolutionPlanCacheCapacity, oneDnnBefore = Tensors.OneDnnPrimitiveCacheCapacity;
        try
        {
            // oneDNN's own cache would keep the kernels alive too; bounded, the per-thread plans are what is left.
            Tensors.OneDnnPrimitiveCacheCapacity = 4;
            long defaultGrowth = GrowthOnNewThread(capacity: 1024, firstWidth: 100);
            long smallGrowth = GrowthOnNewThread(capacity: 4, firstWidth: 400);
            Console.WriteLine($"{Shapes} shapes on a new thread: capacity 1024 grew {defaultGrowth / MiB} MiB, capacity 4 {smallGrowth / MiB} MiB");
            Assert.IsGreaterThanOrEqualTo(8 * MiB, defaultGrowth, "the default keeps every shape's plan, kernels and all");
            Assert.IsLessThan(defaultGrowth / 2, smallGrowth, "a small capacity evicts them");
        }
        finally
        {
            Tensors.ConvolutionPlanCacheCapacity = planBefore;
            Tensors.OneDnnPrimitiveCacheCapacity = oneDnnBefore;
        }
    }

    // Sets the capacity, checks it reads back, runs the body, and checks the old value is back afterwards.
    private static void WithCapacity(Func<int> get, Action<int> set, int value, Action body)
    {
        int before = get();
        try
        {
            set(value);
            Assert.AreEqual(value, get());
            body();
        }
        finally
        {
            set(before);
        }
        Assert.AreEqual(before, get());
    }

    private const int Shapes = 480;

    // Convolves inputs of Shapes widths, channels-last as SuperResolver runs, on a thread started after setting the
    // capacity (the thread reads it at its first convolution) and returns how much the process grew meanwhile.
    private static long GrowthOnNewThread(int capacity, int firstWidth)
    {
        Tensors.ConvolutionPlanCacheCapacity = capacity;
        long growth = 0;
        var thread = new Thread(() =>
        {
            using var scope = Tensors.NewDisposeScope();
            var weight = Tensors.Ones(32, 32, 3, 3).Contiguous(MemoryFormat.ChannelsLast);
            Convolve(weight, firstWidth - 1); // the thread's first plan and buffers, before the baseline
            long before = Resident();
            for (int width = firstWidth; width < firstWidth + Shapes; width++) Convolve(weight, width);
            growth = Resident() - before;
        });
        thread.Start();
        thread.Join();
        return growth;
    }

    private static void Convolve(Tensor weight, int width)
    {
        using var scope = Tensors.NewDisposeScope();
        var input = Tensors.Ones(1, 32, 24, width).Contiguous(MemoryFormat.ChannelsLast);
        var output = Gan.Torch.NN.Functional.Conv2d(input, weight, null, (1, 1), (1, 1));
        Assert.AreEqual(288.0, output[0][5][12][width / 2].Item<float>(), 1e-3, "an inner pixel sums 32 × 9 ones");
    }

    // Native memory only, as far as can be: the managed heap settled first (the loop's garbage varies with what ran
    // before in the process), then malloc's free pages given back.
    private static long Resident()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Tensors.ReleaseFreedMemory();
        string line = File.ReadLines(Status).First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
