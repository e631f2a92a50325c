using Gan.Imaging;
using Gan.MLNet.Streaming;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Streaming;

[TestClass]
public sealed class ImageStreamTests
{
    private static readonly ImageStreamOptions Skip = new() { OnError = ImageErrorPolicy.Skip, Workers = 2, BatchSize = 2 };

    [TestMethod]
    public void GoodInputsAreWrittenAndBadOnesReported()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out"), report = temp.File("errors.csv");
        FaultyImageFiles.WriteMixedFolder(input);

        var result = ImageStream.Run(ImageJobList.FromFolder(input, output), ImageBatchTransform.Identity, Skip with { ErrorReportPath = report });

        Assert.AreEqual(3L, result.Written);
        CollectionAssert.AreEquivalent(FaultyImageFiles.BadFiles, result.Failures.Select(f => f.Job.Key).ToArray());
        Assert.IsTrue(result.Failures.All(f => f.Stage == ImageJobStage.Decode));
        foreach (string good in FaultyImageFiles.GoodFiles)
            Assert.IsTrue(ImageOutputCompleteness.IsComplete(Path.Combine(output, good)), good);
        CollectionAssert.AreEqual(Image.Load(Path.Combine(input, "a.png")).Pixels.ToArray(), Image.Load(Path.Combine(output, "a.png")).Pixels.ToArray());
        var lines = File.ReadAllLines(report);
        Assert.AreEqual("file,stage,message", lines[0]);
        CollectionAssert.AreEquivalent(FaultyImageFiles.BadFiles, lines.Skip(1).Select(l => l.Split(',')[0]).ToArray());
        StringAssert.Contains(lines.Single(l => l.StartsWith("bad/huge-header.png", StringComparison.Ordinal)), "100000");
        Assert.IsFalse(Directory.EnumerateFiles(output, ".*", SearchOption.AllDirectories).Any(), "no temporary file is left");
    }

    // libtorch's OpenMP team and glibc's malloc arena belong to the calling thread: every batch must run on one thread,
    // never on whichever pool thread a queue's continuation lands on.
    [TestMethod]
    public void EveryBatchIsTransformedOnOneDedicatedThread()
    {
        using var temp = new TempFolder();
        string input = temp.File("in");
        FaultyImageFiles.WriteImages(input, 24);
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        var transform = ImageBatchTransform.PerImage(image =>
        {
            threads.TryAdd(Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread);
            Thread.Sleep(2);
            return image;
        });

        var result = ImageStream.Run(ImageJobList.FromFolder(input, temp.File("out")), transform, Skip with { QueueCapacity = 1 });

        Assert.AreEqual(24L, result.Written);
        Assert.HasCount(1, threads, "batches ran on more than one thread");
        Assert.IsFalse(threads.Single().Value, "inference ran on a thread-pool thread");
    }

    [TestMethod]
    public void FailPolicyStopsAtTheFirstBadInput()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), report = temp.File("errors.csv");
        FaultyImageFiles.WriteMixedFolder(input);

        var e = Assert.ThrowsExactly<ImageStreamFailedException>(() => ImageStream.Run(ImageJobList.FromFolder(input, temp.File("out")),
            ImageBatchTransform.Identity, new ImageStreamOptions { Workers = 1, ErrorReportPath = report }));

        Assert.AreEqual(ImageJobStage.Decode, e.Failure.Stage);
        Assert.AreEqual("bad/corrupt.png", e.Failure.Job.Key, "inputs run in sorted order; the first bad one stops the run");
        StringAssert.Contains(e.Message, "bad/corrupt.png");
        Assert.IsGreaterThanOrEqualTo(2, File.ReadAllLines(report).Length);
    }

    [TestMethod]
    public void ExistingOutputsFailUnlessOverwriteOrResume()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out");
        FaultyImageFiles.WriteImages(input, 3);
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "img-001.png"), "old");
        var jobs = ImageJobList.FromFolder(input, output);

        var kept = ImageStream.Run(jobs, ImageBatchTransform.Identity, Skip);
        Assert.AreEqual(ImageJobStage.Output, kept.Failures.Single().Stage);
        Assert.AreEqual("old", File.ReadAllText(Path.Combine(output, "img-001.png")));

        var replaced = ImageStream.Run(jobs, ImageBatchTransform.Identity, Skip with { ExistingOutputs = ExistingOutputPolicy.Overwrite });
        Assert.AreEqual(3L, replaced.Written);
        Assert.IsTrue(ImageOutputCompleteness.IsComplete(Path.Combine(output, "img-001.png")));
    }

    [TestMethod]
    public void ResumeKeepsCompleteOutputsAndRedoesIncompleteOnes()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out");
        FaultyImageFiles.WriteImages(input, 6);
        var jobs = ImageJobList.FromFolder(input, output);
        ImageStream.Run(jobs.Take(3), ImageBatchTransform.Identity, Skip);
        byte[] cut = File.ReadAllBytes(Path.Combine(output, "img-002.png"));
        File.WriteAllBytes(Path.Combine(output, "img-002.png"), cut[..(cut.Length - 20)]);
        File.WriteAllText(Path.Combine(output, ".img-004.png.partial"), "left by a killed run");
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(output, "img-000.png"));

        var result = ImageStream.Run(jobs, ImageBatchTransform.Identity, Skip with { ExistingOutputs = ExistingOutputPolicy.Resume });

        Assert.AreEqual((4L, 2L, 0L), (result.Written, result.Resumed, result.Failed));
        Assert.AreEqual(stamp, File.GetLastWriteTimeUtc(Path.Combine(output, "img-000.png")), "a complete output is not rewritten");
        CollectionAssert.AreEqual(jobs.Select(j => Path.GetFileName(j.OutputPath)).ToArray(),
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray(), "every output once, no leftovers");
        Assert.IsTrue(jobs.All(j => ImageOutputCompleteness.IsComplete(j.OutputPath)));
    }

    [TestMethod]
    public void ShardsCoverEveryInputExactlyOnce()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => $"folder{i % 7}/photo-{i}.jpg").ToArray();
        var shards = Enumerable.Range(0, 4).Select(i => new ImageShard(i, 4)).ToArray();

        var owners = keys.Select(k => shards.Count(s => s.Contains(k))).ToArray();

        Assert.IsTrue(owners.All(n => n == 1));
        Assert.IsTrue(shards.All(s => keys.Count(s.Contains) > 150), "the hash spreads inputs over all shards");
        Assert.AreEqual(new ImageShard(2, 4), ImageShard.Parse("2/4"));
        foreach (string bad in new[] { "4/4", "1", "-1/4", "a/b", "0/0" })
            Assert.ThrowsExactly<FormatException>(() => ImageShard.Parse(bad), bad);
    }

    [TestMethod]
    public void ShardRunsTogetherWriteEveryOutputOnce()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out");
        FaultyImageFiles.WriteImages(input, 20);
        var jobs = ImageJobList.FromFolder(input, output);

        long written = Enumerable.Range(0, 3).Sum(i => ImageStream.Run(jobs, ImageBatchTransform.Identity, Skip with { Shard = new ImageShard(i, 3) }).Written);

        Assert.AreEqual(20L, written, "a second writer of one output would have failed: outputs exist and overwrite is off");
        Assert.AreEqual(20, Directory.GetFiles(output).Length);
    }

    [TestMethod]
    public void OneFailingImageInABatchCostsOnlyItself()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out");
        FaultyImageFiles.WriteImages(input, 4);
        File.WriteAllBytes(Path.Combine(input, "odd.png"), FaultyImageFiles.Pattern(13, 5, 0).Encode(ImageFormat.Png));
        var transform = ImageBatchTransform.PerImage(image => image.Width == 13 ? throw new InvalidOperationException("width 13 refused") : image);

        var result = ImageStream.Run(ImageJobList.FromFolder(input, output), transform, Skip with { BatchSize = 5, Workers = 1 });

        Assert.AreEqual(4L, result.Written);
        var failure = result.Failures.Single();
        Assert.AreEqual(("odd.png", ImageJobStage.Transform, "width 13 refused"), (failure.Job.Key, failure.Stage, failure.Message));
    }

    [TestMethod]
    public void MemoryIsBoundedByTheQueuesNotTheInputCount()
    {
        using var temp = new TempFolder();
        string input = temp.File("in");
        FaultyImageFiles.WriteImages(input, 200, 4, 4);
        var jobs = ImageJobList.FromFolder(input, temp.File("out"));
        int pulled = 0;
        using var release = new ManualResetEventSlim();
        var blocking = ImageBatchTransform.PerImage(image =>
        {
            release.Wait();
            return image;
        });
        var options = Skip with { Workers = 2, BatchSize = 1, QueueCapacity = 2 };
        var run = ImageStream.RunAsync(jobs.Select(j => { Interlocked.Increment(ref pulled); return j; }), blocking, options);

        int seen = -1;
        while (seen != Volatile.Read(ref pulled))
        {
            seen = Volatile.Read(ref pulled);
            Thread.Sleep(200);
        }
        release.Set();

        Assert.IsLessThanOrEqualTo(12, seen, "pending 2 + decoding 2 + decoded 2 + in transform 1 (+ one being offered)");
        Assert.AreEqual(200L, run.GetAwaiter().GetResult().Written);
    }

    [TestMethod]
    public void ManifestNamesInputsAndOptionalOutputs()
    {
        using var temp = new TempFolder();
        FaultyImageFiles.WriteImages(temp.File("in"), 2);
        string manifest = temp.Write("list.csv", "path,output\nin/img-000.png,first.jpg\nin/img-001.png,\n");

        var jobs = ImageJobList.FromManifest(manifest, temp.File("out"));

        Assert.AreEqual((temp.File("out/first.jpg"), (ImageFormat?)ImageFormat.Jpeg), (jobs[0].OutputPath, jobs[0].OutputFormat));
        Assert.AreEqual((temp.File("out/in/img-001.png"), (ImageFormat?)null), (jobs[1].OutputPath, jobs[1].OutputFormat));
        Assert.AreEqual(2L, ImageStream.Run(jobs, ImageBatchTransform.Identity, Skip).Written);
        Assert.AreEqual(ImageFormat.Jpeg, ImageHeader.DetectFormat(File.ReadAllBytes(temp.File("out/first.jpg"))));
        var e = Assert.ThrowsExactly<InvalidDataException>(() => ImageJobList.FromManifest(temp.Write("bad.csv", "file\nx.png\n"), temp.File("out")));
        StringAssert.Contains(e.Message, "'path'");
        e = Assert.ThrowsExactly<InvalidDataException>(() => ImageJobList.FromManifest(temp.Write("escape.csv", "path,output\nin/img-000.png,../x.png\n"), temp.File("out")));
        StringAssert.Contains(e.Message, "line 2");
    }

    [TestMethod]
    public void OutputsThatCollideAreReported()
    {
        using var temp = new TempFolder();
        string input = temp.File("in");
        Directory.CreateDirectory(input);
        File.WriteAllBytes(Path.Combine(input, "x.jpg"), FaultyImageFiles.Pattern(4, 4, 1).Encode(ImageFormat.Jpeg));
        File.WriteAllBytes(Path.Combine(input, "x.png"), FaultyImageFiles.Pattern(4, 4, 2).Encode(ImageFormat.Png));

        var result = ImageStream.Run(ImageJobList.FromFolder(input, temp.File("out"), ImageFormat.Png), ImageBatchTransform.Identity, Skip);

        Assert.AreEqual(1L, result.Written);
        var failure = result.Failures.Single();
        Assert.AreEqual(("x.png", ImageJobStage.Output), (failure.Job.Key, failure.Stage));
        StringAssert.Contains(failure.Message, "x.jpg");
    }

    [TestMethod]
    public void FolderListsAreSortedSkipHiddenFilesAndNestedOutputs()
    {
        using var temp = new TempFolder();
        FaultyImageFiles.WriteImages(temp.File("in/b"), 1);
        FaultyImageFiles.WriteImages(temp.File("in/a"), 2);
        FaultyImageFiles.WriteImages(temp.File("in/out"), 1);
        File.WriteAllText(temp.File("in/a/.img-000.png.partial"), "temporary");

        var jobs = ImageJobList.FromFolder(temp.File("in"), temp.File("in/out"), ImageFormat.Jpeg);

        CollectionAssert.AreEqual(new[] { "a/img-000.png", "a/img-001.png", "b/img-000.png" }, jobs.Select(j => j.Key).ToArray());
        Assert.AreEqual(temp.File("in/out/a/img-001.jpg"), jobs[1].OutputPath);
        var e = Assert.ThrowsExactly<ArgumentException>(() => ImageJobList.FromFolder(temp.File("in"), temp.File("in/")));
        StringAssert.Contains(e.Message, "is the input folder");
    }

    [TestMethod]
    public void ANegativeReleaseIntervalIsRefusedByName()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => (Skip with { ReleaseFreedMemoryEvery = -1 }).Validate());
        Assert.AreEqual(nameof(ImageStreamOptions.ReleaseFreedMemoryEvery), e.ParamName);
        (Skip with { ReleaseFreedMemoryEvery = 0 }).Validate();
    }

    [TestMethod]
    public void CancellationLeavesOnlyCompleteOutputs()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out");
        FaultyImageFiles.WriteImages(input, 50);
        using var cancel = new CancellationTokenSource();
        var slow = ImageBatchTransform.PerImage(image =>
        {
            Thread.Sleep(10);
            return image;
        });
        var progress = new InlineProgress(p => { if (p.Written >= 3) cancel.Cancel(); });

        Assert.ThrowsExactly<OperationCanceledException>(() =>
            ImageStream.Run(ImageJobList.FromFolder(input, output), slow, Skip, progress, cancel.Token));

        var written = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
        Assert.IsTrue(written.Length is >= 3 and < 50, $"{written.Length} outputs");
        Assert.IsTrue(written.All(ImageOutputCompleteness.IsComplete), "no hidden temporary file and no cut output");
    }

    private sealed class InlineProgress(Action<ImageStreamProgress> handler) : IProgress<ImageStreamProgress>
    {
        public void Report(ImageStreamProgress value) => handler(value);
    }
}
