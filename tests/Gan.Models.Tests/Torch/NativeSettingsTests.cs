using System.Runtime.InteropServices;
using Gan.Models.Torch;
using static Gan.Models.Tests.Torch.ProcessMemory;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// <see cref="NativeSettings"/>. What must happen before libtorch loads runs in a child process: this one loaded it
/// long ago.
/// </summary>
[TestClass]
public sealed class NativeSettingsTests
{
    private const string ThpSetting = "/sys/kernel/mm/transparent_hugepage/enabled";

    private static readonly string[] Variables =
    [
        NativeSettings.OpenMpSpinCountVariable, NativeSettings.ConvolutionPlanCacheVariable,
        NativeSettings.HugePageTensorsVariable, NativeSettings.OneDnnPrimitiveCacheVariable,
    ];

    [TestMethod]
    public void SettingsReadAtLoadAreRefusedOnceLibtorchHasLoaded()
    {
        TorchRuntime.EnsureLoaded();
        using var loaded = ones(2) + 1;
        Assert.IsFalse(NativeSettings.TrySetOpenMpSpinCount(1000), "OpenMP has read its settings already");
        Assert.IsFalse(NativeSettings.TryEnableHugePageTensors(), "libtorch's allocator has read its switch already");
        Assert.IsFalse(NativeSettings.TrySetOneDnnPrimitiveCacheCapacity(64), "oneDNN has read its capacity already");
    }

    [TestMethod]
    public void OutOfRangeValuesAreRefused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => NativeSettings.TrySetOpenMpSpinCount(-1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => NativeSettings.TrySetConvolutionPlanCacheCapacity(0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => NativeSettings.TrySetOneDnnPrimitiveCacheCapacity(-1));
    }

    [TestMethod]
    public void BeforeLibtorchLoadsEverySettingReachesTheCEnvironment()
    {
        var (exitCode, output) = ChildProcess.Run(TrySetEverySetting, Variables.ToDictionary(v => v, _ => (string?)null));
        Assert.AreEqual(0, exitCode, output);
        StringAssert.Contains(output, "set: True True True True");
        StringAssert.Contains(output, "GOMP_SPINCOUNT=1000 LRU_CACHE_CAPACITY=8 THP_MEM_ALLOC_ENABLE=1 ONEDNN_PRIMITIVE_CACHE_CAPACITY=64");
    }

    [TestMethod]
    [DataRow("GOMP_SPINCOUNT", "5", "set: False True True True", "GOMP_SPINCOUNT=5 ")]
    [DataRow("OMP_WAIT_POLICY", "passive", "set: False True True True", "GOMP_SPINCOUNT=(unset) ")]
    [DataRow("LRU_CACHE_CAPACITY", "7", "set: True False True True", "LRU_CACHE_CAPACITY=7 ")]
    [DataRow("THP_MEM_ALLOC_ENABLE", "0", "set: True True False True", "THP_MEM_ALLOC_ENABLE=0 ")]
    [DataRow("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "9", "set: True True True False", "ONEDNN_PRIMITIVE_CACHE_CAPACITY=9")]
    public void AVariableTheUserSetWins(string variable, string value, string expectedResults, string expectedEnvironment)
    {
        var environment = Variables.ToDictionary(v => v, _ => (string?)null);
        environment["OMP_WAIT_POLICY"] = null;
        environment[variable] = value;
        var (exitCode, output) = ChildProcess.Run(TrySetEverySetting, environment);
        Assert.AreEqual(0, exitCode, output);
        StringAssert.Contains(output, expectedResults);
        StringAssert.Contains(output, expectedEnvironment);
    }

    [TestMethod]
    public void HugePageTensorsLiveOnHugePagesAndGiveThemBackWhenFreed()
    {
        string mode = File.Exists(ThpSetting) ? File.ReadAllText(ThpSetting).Trim() : "[never]";
        if (mode.Contains("[never]")) Assert.Inconclusive($"transparent huge pages are off here ({mode})");
        var (exitCode, output) = ChildProcess.Run(MeasureHugePages, new Dictionary<string, string?> { [NativeSettings.HugePageTensorsVariable] = null });
        Assert.AreEqual(0, exitCode, output);
        long[] mib = ChildProcess.Numbers(output, "huge pages MiB:");
        long before = mib[0], held = mib[1], released = mib[2];
        Assert.IsGreaterThanOrEqualTo(before + 48, held, $"a 64 MiB tensor is on huge pages ({mode}): {output}");
        Assert.IsLessThan(before + 16, released, $"freed, its pages go back to the kernel at once: {output}");
    }

    [TestMethod]
    public void ASmallPlanCacheKeepsANewThreadOverManyShapesFromGrowing()
    {
        var (small, large) = HeapGrowth(ConvolveManyShapesWithTheDefaultPlanCache);
        Console.WriteLine($"{Shapes} shapes on a new thread: the C heap grew {large} KiB with the default plan cache, {small} KiB with a capacity of 4");
        Assert.IsGreaterThanOrEqualTo(4096, large, "the default keeps a plan for every shape");
        Assert.IsLessThan(large / 2, small, "a small capacity evicts them");
    }

    [TestMethod]
    public void ASmallOneDnnCacheKeepsFewerKernels()
    {
        var (small, large) = HeapGrowth(ConvolveManyShapesWithTheDefaultOneDnnCache);
        Console.WriteLine($"{Shapes} shapes: the C heap grew {large} KiB with oneDNN's default cache, {small} KiB with a capacity of 4");
        Assert.IsGreaterThanOrEqualTo(2048, large, "the default keeps a kernel for every shape");
        Assert.IsLessThan(large / 2, small, "a small capacity evicts them");
    }

    [TestMethod]
    public void ReleasingFreedMemoryGivesItBackToTheKernel()
    {
        RequireResidentSize();
        if (Environment.GetEnvironmentVariable(NativeSettings.HugePageTensorsVariable) is { Length: > 0 })
            Assert.Inconclusive("large tensors have mappings of their own here, which free() gives back by itself");
        // In a fresh process: in the test host, earlier tests leave freed heap pages resident that the blocks would reuse.
        var (exitCode, output) = ChildProcess.Run(HoldFreeAndRelease);
        Assert.AreEqual(0, exitCode, output);
        long[] mib = ChildProcess.Numbers(output, "resident MiB:");
        (long before, long held, long freed, long released) = (mib[0], mib[1], mib[2], mib[3]);
        string trace = $"MiB: before {before}, held {held}, freed {freed}, released {released}";
        Assert.IsGreaterThan(before + ReleaseBlocks * 7, held, $"the blocks are resident while alive ({trace})");
        Assert.IsGreaterThan(held - ReleaseBlocks * 2, freed, $"free() alone keeps most of their pages ({trace})");
        Assert.IsLessThan(freed - ReleaseBlocks * 6, released, $"the release gives them back ({trace})");
    }

    private const int ReleaseBlocks = 24;

    private static void HoldFreeAndRelease()
    {
        // Blocks from the heap, not from mappings of their own, and no trimming by free(): what a long job's fragmented
        // heap looks like. A small tensor after each block (a pin) keeps the freed blocks in the middle of the heap.
        Assert.IsTrue(AllocatorSettings.TryRetainFreedMemory());
        TorchRuntime.EnsureLoaded();
        long before = Resident();
        var blocks = new List<Tensor>();
        var pins = new List<Tensor>();
        for (int i = 0; i < ReleaseBlocks; i++)
        {
            blocks.Add(ones(2L << 20));
            pins.Add(ones(16));
        }
        long held = Resident();
        foreach (var block in blocks) block.Dispose();
        long freed = Resident();
        NativeSettings.ReleaseFreedMemory();
        long released = Resident();
        foreach (var pin in pins) pin.Dispose();
        Console.WriteLine($"resident MiB: {before / MiB} {held / MiB} {freed / MiB} {released / MiB}");
    }

    private const int Shapes = 240;

    private static void TrySetEverySetting()
    {
        bool[] results =
        [
            NativeSettings.TrySetOpenMpSpinCount(1000), NativeSettings.TrySetConvolutionPlanCacheCapacity(8),
            NativeSettings.TryEnableHugePageTensors(), NativeSettings.TrySetOneDnnPrimitiveCacheCapacity(64),
        ];
        Console.WriteLine("set: " + string.Join(' ', results));
        Console.WriteLine(string.Join(' ', Variables.Select(v => $"{v}={CEnvironment(v) ?? "(unset)"}")));
    }

    private static void MeasureHugePages()
    {
        Assert.IsTrue(NativeSettings.TryEnableHugePageTensors());
        TorchRuntime.EnsureLoaded();
        long before = AnonHugePages();
        var tensor = ones(16L << 20); // 64 MiB, written through
        long held = AnonHugePages();
        Assert.AreEqual(16.0 * (1 << 20), tensor.sum().item<float>());
        tensor.Dispose();
        long released = AnonHugePages();
        Console.WriteLine($"huge pages MiB: {before / MiB} {held / MiB} {released / MiB}");
    }

    // How much the C heap grew in a child that ran with both caches small, and in one that ran the other scenario.
    private static (long SmallKiB, long OtherKiB) HeapGrowth(Action otherScenario)
    {
        var environment = new Dictionary<string, string?>
        {
            [NativeSettings.ConvolutionPlanCacheVariable] = null,
            [NativeSettings.OneDnnPrimitiveCacheVariable] = null,
        };
        var runs = new[] { ConvolveManyShapesWithSmallCaches, otherScenario }
            .AsParallel().AsOrdered().Select(scenario => ChildProcess.Run(scenario, environment)).ToList();
        foreach (var run in runs)
        {
            if (run.Output.Contains(nameof(EntryPointNotFoundException), StringComparison.Ordinal)) Assert.Inconclusive("the C library is not glibc");
            Assert.AreEqual(0, run.ExitCode, run.Output);
        }
        return (ChildProcess.Numbers(runs[0].Output, "heap growth KiB:")[0], ChildProcess.Numbers(runs[1].Output, "heap growth KiB:")[0]);
    }

    private static void ConvolveManyShapesWithSmallCaches() => ConvolveManyShapes(smallPlanCache: true, smallOneDnnCache: true);

    private static void ConvolveManyShapesWithTheDefaultPlanCache() => ConvolveManyShapes(smallPlanCache: false, smallOneDnnCache: true);

    private static void ConvolveManyShapesWithTheDefaultOneDnnCache() => ConvolveManyShapes(smallPlanCache: true, smallOneDnnCache: false);

    // Convolves inputs of many widths, channels-last as SuperResolver runs, on a thread started after the main thread
    // has convolved and the plan capacity is set (a thread reads it at its first convolution), and prints how much more
    // the C heap holds afterwards: what the caches keep, whichever of malloc's arenas the thread got (the resident
    // size also moves with how much free memory that arena happened to have). Each cache alone keeps the kernels of
    // the shapes it holds alive.
    private static void ConvolveManyShapes(bool smallPlanCache, bool smallOneDnnCache)
    {
        if (smallOneDnnCache) Assert.IsTrue(NativeSettings.TrySetOneDnnPrimitiveCacheCapacity(4));
        TorchRuntime.EnsureLoaded();
        using var weight = ones(32, 32, 3, 3).ToChannelsLast();
        Convolve(weight, 50);
        if (smallPlanCache) Assert.IsTrue(NativeSettings.TrySetConvolutionPlanCacheCapacity(4));
        long growth = 0;
        var thread = new Thread(() =>
        {
            Convolve(weight, 99); // the thread's first plan and buffers, before the baseline
            long before = HeapInUse();
            for (int width = 100; width < 100 + Shapes; width++) Convolve(weight, width);
            growth = HeapInUse() - before;
        });
        thread.Start();
        thread.Join();
        Console.WriteLine($"heap growth KiB: {growth / 1024}");
    }

    private static void Convolve(Tensor weight, int width)
    {
        using var scope = NewDisposeScope();
        var input = ones(1, 32, 24, width).ToChannelsLast();
        var output = nn.functional.conv2d(input, weight, padding: [1, 1]);
        Assert.AreEqual(288f, output[0, 5, 12, width / 2].item<float>(), 1e-3f, "an inner pixel sums 32 × 9 ones");
    }

    private static string? CEnvironment(string name) => Marshal.PtrToStringUTF8(LibC.GetEnv(name));
}
