using Gan.Models.Torch;
using static Gan.Models.Tests.Torch.ProcessMemory;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// <see cref="AllocatorSettings"/>. It changes the C allocator of the whole process, so the tests that use it run in a
/// child process.
/// </summary>
[TestClass]
public sealed class AllocatorSettingsTests
{
    [TestMethod]
    [DataRow(0L, 1L)]
    [DataRow(1L, 0L)]
    [DataRow(4L << 30, 1L)]
    [DataRow(1L, 4L << 30)]
    public void ThresholdsOutsideWhatGlibcAcceptsAreRefused(long mmapThreshold, long trimThreshold) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => AllocatorSettings.TryRetainFreedMemory(mmapThreshold, trimThreshold));

    [TestMethod]
    public void RetainedMemoryStaysWithTheProcessForTheNextTensor()
    {
        RequireResidentSize();
        var (retained, retainedOutput) = ChildProcess.Run(FreeALargeTensorAfterRetaining);
        var (plain, plainOutput) = ChildProcess.Run(FreeALargeTensor);
        Assert.AreEqual(0, retained, retainedOutput);
        Assert.AreEqual(0, plain, plainOutput);
        long[] kept = ChildProcess.Numbers(retainedOutput, "resident MiB:"), given = ChildProcess.Numbers(plainOutput, "resident MiB:");
        Assert.IsGreaterThanOrEqualTo(kept[0] + 48, kept[2], $"retained, a freed 64 MiB tensor stays resident (MiB before, held, freed: {string.Join(", ", kept)})");
        Assert.IsLessThan(given[0] + 16, given[2], $"by default glibc gives it back (MiB before, held, freed: {string.Join(", ", given)})");
    }

    [TestMethod]
    [DataRow(0L)]
    [DataRow(4L << 30)]
    public void AMappingThresholdOutsideWhatGlibcAcceptsIsRefused(long threshold) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => AllocatorSettings.TryMapLargeBlocksSeparately(threshold));

    [TestMethod]
    public void SeparatelyMappedBlocksGoBackToTheKernelEvenAfterGlibcRaisedItsThreshold()
    {
        RequireResidentSize();
        var (mapped, mappedOutput) = ChildProcess.Run(FreeTwoMediumTensorsMappedSeparately);
        var (plain, plainOutput) = ChildProcess.Run(FreeTwoMediumTensors);
        Assert.AreEqual(0, mapped, mappedOutput);
        Assert.AreEqual(0, plain, plainOutput);
        long[] given = ChildProcess.Numbers(mappedOutput, "resident MiB:"), kept = ChildProcess.Numbers(plainOutput, "resident MiB:");
        Assert.IsLessThan(given[0] + 8, given[2], $"mapped separately, the second 24 MiB tensor goes back when freed (MiB before, held, freed: {string.Join(", ", given)})");
        Assert.IsGreaterThanOrEqualTo(kept[0] + 16, kept[2], $"by default glibc, having raised its threshold, keeps it in a heap (MiB before, held, freed: {string.Join(", ", kept)})");
    }

    private static void FreeTwoMediumTensorsMappedSeparately()
    {
        Assert.IsTrue(AllocatorSettings.TryMapLargeBlocksSeparately());
        FreeTwoMediumTensors();
    }

    // The first free raises glibc's dynamic threshold above 24 MiB; the second tensor then comes from a heap unless
    // the threshold is fixed.
    private static void FreeTwoMediumTensors()
    {
        TorchRuntime.EnsureLoaded();
        ones(6L << 20).Dispose();
        long before = Resident();
        var tensor = ones(6L << 20); // 24 MiB, written through
        long held = Resident();
        Assert.AreEqual(6.0 * (1 << 20), tensor.sum().item<float>());
        tensor.Dispose();
        long freed = Resident();
        Console.WriteLine($"resident MiB: {before / MiB} {held / MiB} {freed / MiB}");
    }

    private static void FreeALargeTensorAfterRetaining()
    {
        Assert.IsTrue(AllocatorSettings.TryRetainFreedMemory());
        FreeALargeTensor();
    }

    private static void FreeALargeTensor()
    {
        TorchRuntime.EnsureLoaded();
        long before = Resident();
        var tensor = ones(16L << 20); // 64 MiB, written through
        long held = Resident();
        Assert.AreEqual(16.0 * (1 << 20), tensor.sum().item<float>());
        tensor.Dispose();
        long freed = Resident();
        Console.WriteLine($"resident MiB: {before / MiB} {held / MiB} {freed / MiB}");
    }
}
