using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

[TestClass]
[DoNotParallelize] // reads the process's huge page count; the allocator it enables is process-wide
public sealed class HugePageTests
{
    private const long MiB = 1L << 20;
    private const string ThpSetting = "/sys/kernel/mm/transparent_hugepage/enabled";
    private const string Rollup = "/proc/self/smaps_rollup";

    [TestMethod]
    public void LargeTensorsLiveOnHugePagesAndGiveThemBackWhenFreed()
    {
        string mode = File.Exists(ThpSetting) ? File.ReadAllText(ThpSetting).Trim() : "[never]";
        if (mode.Contains("[never]") || !File.Exists(Rollup)) Assert.Inconclusive($"transparent huge pages are off here ({mode})");
        Tensors.EnableHugePageTensors();
        Assert.IsTrue(Tensors.HugePageTensorsEnabled);

        long before = AnonHugePages();
        var tensor = Tensors.Ones(16L << 20); // 64 MiB, written through
        long held = AnonHugePages();
        Assert.AreEqual(16.0 * (1 << 20), tensor.Sum().Item<double>());
        tensor.Dispose();
        long released = AnonHugePages();

        Assert.IsGreaterThanOrEqualTo(before + 48 * MiB, held, $"a 64 MiB tensor is on huge pages ({mode})");
        Assert.IsLessThan(before + 16 * MiB, released, "freed, its pages go back to the kernel at once");
    }

    [TestMethod]
    public void TensorsFromBeforeAndAfterWorkAndAreFreedAlike()
    {
        using var scope = Tensors.NewDisposeScope();
        var earlier = Tensors.Ones(3L << 20); // 12 MiB; from libtorch's allocator unless another test enabled ours first
        Tensors.EnableHugePageTensors();
        Tensors.EnableHugePageTensors(); // again: nothing changes
        var later = Tensors.Ones(3L << 20);
        var small = Tensors.Ones(16);
        Assert.AreEqual(6.0 * (1 << 20), (earlier + later).Sum().Item<double>());
        Assert.AreEqual(16.0, small.Sum().Item<double>());
        // oneDNN's convolutions take their scratch buffers from the same allocator, through its raw interface.
        var output = Gan.Torch.NN.Functional.Conv2d(Tensors.Ones(2, 16, 300, 300), Tensors.Ones(16, 16, 3, 3), null, (1, 1), (1, 1));
        Assert.AreEqual(144.0, output[1][15][150][150].Item<float>(), 1e-3, "an inner pixel sums 16 × 9 ones");
    }

    private static long AnonHugePages()
    {
        string line = File.ReadLines(Rollup).First(l => l.StartsWith("AnonHugePages:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
