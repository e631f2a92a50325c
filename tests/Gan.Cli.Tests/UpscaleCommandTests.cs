using Gan.Cli.Tests.Support;
using Gan.Imaging;
using Gan.MLNet;
using Gan.MLNet.Streaming;
using Gan.MLNet.Tests.Support;
using Gan.Models.SuperResolution;
using Microsoft.ML;

namespace Gan.Cli.Tests;

[TestClass]
public sealed class UpscaleCommandTests
{
    [TestMethod]
    public void GoodFilesAreWrittenBadOnesReportedAndTheExitCodeSaysSo()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out"), model = GanProcess.SaveTinyUpscaler(temp.Path);
        FaultyImageFiles.WriteMixedFolder(input);

        var run = GanProcess.Run("upscale", "--input", input, "--output", output, "--model", model, "--on-error", "skip", "--threads", "1");

        Assert.AreEqual(1, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "3 written, 0 already complete, 5 failed");
        foreach (string good in FaultyImageFiles.GoodFiles)
        {
            var source = Image.Load(Path.Combine(input, good));
            var upscaled = Image.Load(Path.Combine(output, good));
            Assert.AreEqual((source.Width * 2, source.Height * 2), (upscaled.Width, upscaled.Height), good);
        }
        var report = File.ReadAllLines(Path.Combine(output, "gan-errors.csv"));
        Assert.AreEqual("file,stage,message", report[0]);
        CollectionAssert.AreEquivalent(FaultyImageFiles.BadFiles, report.Skip(1).Select(line => line.Split(',')[0]).ToArray());
        StringAssert.Contains(report.Single(line => line.StartsWith("bad/huge-header.png", StringComparison.Ordinal)), "16777216");
    }

    [TestMethod]
    public void MaxPixelsRefusesLargerInputs()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out");
        FaultyImageFiles.WriteImages(input, 1, 8, 6);
        FaultyImageFiles.WriteImages(temp.File("in/big"), 1, 10, 6);

        var run = GanProcess.Run("upscale", "-i", input, "-o", output, "-m", GanProcess.SaveTinyUpscaler(temp.Path), "--on-error", "skip", "--max-pixels", "48");

        Assert.AreEqual(1, run.ExitCode);
        Assert.IsTrue(File.Exists(Path.Combine(output, "img-000.png")));
        StringAssert.Contains(File.ReadAllText(Path.Combine(output, "gan-errors.csv")), "big/img-000.png,decode,");
    }

    [TestMethod]
    public void FailPolicyStopsWithExitCodeOne()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), model = GanProcess.SaveTinyUpscaler(temp.Path);
        FaultyImageFiles.WriteMixedFolder(input);

        var run = GanProcess.Run("upscale", "-i", input, "-o", temp.File("out"), "-m", model, "--threads", "1");

        Assert.AreEqual(1, run.ExitCode);
        StringAssert.Contains(run.Error, "bad/corrupt.png");
    }

    // A crop of a photograph, upscaled by `gan upscale` and by LoadImages → SuperResolve → SaveImages, both with the
    // bundled model and default tiling (96-pixel cores, 4 tiles per network call). One image per run: both paths cut
    // it into the same tiles and batches, so the network sees the same tensors and the pixels are identical by design.
    // (With several images the pipeline batches tiles of different rows together while the CLI goes image by image;
    // SuperResolver promises equality only up to float rounding for differently sized batches, though on this
    // machine's libtorch neither batching nor the thread count changed a pixel.)
    // Not parallel: both paths must run under the same process-wide libtorch thread count, which the in-process CLI sets.
    [TestMethod]
    [DoNotParallelize]
    [DataRow("chelsea.png", 2, 150, 30, 128, 100, PixelFormat.Rgb24)]
    [DataRow("camera.png", 4, 200, 80, 80, 60, PixelFormat.Gray8)]
    public void OutputEqualsSuperResolveInAPipelineOnTheSameImage(string photo, int scale, int x, int y, int width, int height, PixelFormat format)
    {
        string source = Path.Combine(SrPhotoSources.SkimageFolder, photo);
        if (!File.Exists(source)) Assert.Inconclusive($"{source} is missing (bash scripts/setup.sh installs python3-skimage)");
        using var temp = new TempFolder();
        string input = temp.File("in"), cliOutput = temp.File("cli"), pipelineOutput = temp.File("pipeline");
        Directory.CreateDirectory(input);
        var image = Image.Load(source).Crop(x, y, width, height);
        Assert.AreEqual(format, image.Format);
        image.Save(Path.Combine(input, "photo.png"));

        var run = GanProcess.Run("upscale", "-i", input, "-o", cliOutput, "--scale", $"{scale}");
        var context = new MLContext();
        var files = context.Data.LoadFromEnumerable([new FileRow { Path = "photo.png" }]);
        var pipeline = context.Transforms.LoadImages("Image", input, "Path")
            .Append(context.Transforms.SuperResolve("Upscaled", "Image", scale));
        using var model = pipeline.Fit(files);
        context.Data.SaveImages(model.Transform(files), "Upscaled", pipelineOutput, "Path");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        var fromCli = Image.Load(Path.Combine(cliOutput, "photo.png"));
        var fromPipeline = Image.Load(Path.Combine(pipelineOutput, "photo.png"));
        Assert.AreEqual((width * scale, height * scale, format), (fromCli.Width, fromCli.Height, fromCli.Format));
        Assert.AreEqual((width * scale, height * scale, format), (fromPipeline.Width, fromPipeline.Height, fromPipeline.Format));
        CollectionAssert.AreEqual(fromPipeline.Pixels.ToArray(), fromCli.Pixels.ToArray());
    }

    public sealed class FileRow
    {
        public string Path { get; set; } = "";
    }

    [TestMethod]
    public void FormatOptionChangesTheExtensionAndEncoding()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out");
        FaultyImageFiles.WriteImages(input, 2);

        var run = GanProcess.Run("upscale", "-i", input, "-o", output, "-m", GanProcess.SaveTinyUpscaler(temp.Path), "--format", "jpg", "--quality", "80");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        Assert.AreEqual(ImageFormat.Jpeg, ImageHeader.DetectFormat(File.ReadAllBytes(Path.Combine(output, "img-001.jpg"))));
    }

    [TestMethod]
    public void ShardsTogetherWriteEveryOutputExactlyOnce()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out"), model = GanProcess.SaveTinyUpscaler(temp.Path);
        FaultyImageFiles.WriteImages(input, 12);

        var runs = Enumerable.Range(0, 3).Select(i => GanProcess.Run("upscale", "-i", input, "-o", output, "-m", model, "--shard", $"{i}/3")).ToArray();

        Assert.IsTrue(runs.All(r => r.ExitCode == 0), string.Join("\n", runs.Select(r => r.Error)));
        var images = Directory.GetFiles(output, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(Directory.GetFiles(input).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray(), images);
        Assert.AreEqual(12, runs.Sum(r => int.Parse(r.Output.Split(" written")[0].Split('\n')[^1].Trim(), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.IsTrue(File.Exists(Path.Combine(output, "gan-errors.2-of-3.csv")));
    }

    [TestMethod]
    [DataRow("kubernetes", 3)]
    [DataRow("slurm", 4)]
    public void SchedulerArrayProcessesWriteEveryOutputOnceAndAKilledOneResumes(string scheduler, int processes)
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out"), model = GanProcess.SaveTinyUpscaler(temp.Path);
        FaultyImageFiles.WriteImages(input, 24, 16, 12);
        FaultyImageFiles.WriteMixedFolder(temp.File("in/mixed"));
        string[] args = ["upscale", "-i", input, "-o", output, "-m", model, "--threads", "1", "--batch", "1", "--on-error", "skip", "--shard", "auto"];
        Dictionary<string, string> Environment(int i) => scheduler == "kubernetes"
            ? new() { ["JOB_COMPLETION_INDEX"] = $"{i}", ["GAN_SHARD_COUNT"] = $"{processes}" }
            : new() { ["SLURM_ARRAY_TASK_ID"] = $"{i + 1}", ["SLURM_ARRAY_TASK_COUNT"] = $"{processes}", ["SLURM_ARRAY_TASK_MIN"] = "1" };

        // Process 0 is slowed and killed part-way (SIGKILL), then started again with --resume.
        var slow = GanProcess.Start(Environment(0), [.. args, "--test-delay-ms", "150"]);
        var others = Enumerable.Range(1, processes - 1).Select(i => GanProcess.Start(Environment(i), args)).ToList();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (Written(output) < processes && !slow.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.IsFalse(slow.HasExited, "the slowed process must still be going when it is killed");
        slow.Kill();
        slow.WaitForExit();
        foreach (var other in others) Assert.IsTrue(other.WaitForExit(TimeSpan.FromMinutes(2)) && other.ExitCode is 0 or 1, "a shard ends with 0, or 1 when it skipped bad inputs");
        var resumed = GanProcess.Start(Environment(0), [.. args, "--resume"]);
        Assert.IsTrue(resumed.WaitForExit(TimeSpan.FromMinutes(2)));

        Assert.IsTrue(resumed.ExitCode is 0 or 1);
        var good = Directory.GetFiles(input, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(input, f))
            .Where(f => !FaultyImageFiles.BadFiles.Contains(Path.GetRelativePath("mixed", f))).ToList();
        var written = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f))
            .Where(f => !f.StartsWith("gan-errors.", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEquivalent(good, written, "every good input once, no temporary file");
        var reports = Enumerable.Range(0, processes).Select(i => File.ReadAllText(Path.Combine(output, $"gan-errors.{i}-of-{processes}.csv"))).ToList();
        foreach (string bad in FaultyImageFiles.BadFiles)
            Assert.AreEqual(1, reports.Count(r => r.Contains(bad, StringComparison.Ordinal)), $"{bad} is named by exactly one shard's report");
    }

    [TestMethod]
    public void ShardAutoWithoutASchedulerIsAUsageError()
    {
        using var temp = new TempFolder();
        var run = GanProcess.Run("upscale", "-i", temp.Path, "-o", temp.File("out"), "--shard", "auto");
        var countWithoutAuto = GanProcess.Run("upscale", "-i", temp.Path, "-o", temp.File("out"), "--shard", "0/2", "--shard-count", "2");

        Assert.AreEqual((2, 2), (run.ExitCode, countWithoutAuto.ExitCode), run.Error + countWithoutAuto.Error);
        StringAssert.Contains(run.Error, "JOB_COMPLETION_INDEX");
        StringAssert.Contains(countWithoutAuto.Error, "--shard-count goes with --shard auto");
    }

    [TestMethod]
    public void KilledRunResumesToEveryOutputExactlyOnce()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out"), model = GanProcess.SaveTinyUpscaler(temp.Path);
        const int count = 40;
        FaultyImageFiles.WriteImages(input, count, 16, 12);
        string[] args = ["upscale", "-i", input, "-o", output, "-m", model, "--threads", "1", "--batch", "1"];

        using (var child = GanProcess.Start([.. args, "--test-delay-ms", "100"]))
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (Written(output) < 3 && !child.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Assert.IsFalse(child.HasExited, "the run must still be going when it is killed");
            child.Kill(); // SIGKILL: no cleanup runs
            child.WaitForExit();
        }
        int beforeResume = Written(output);
        Assert.IsLessThan(count, beforeResume, "killed part-way");

        var resumed = GanProcess.Run([.. args, "--resume"]);

        Assert.AreEqual(0, resumed.ExitCode, resumed.Error);
        StringAssert.Contains(resumed.Output, $"{count - beforeResume} written, {beforeResume} already complete, 0 failed");
        var outputs = Directory.GetFiles(output).Select(f => Path.GetFileName(f)).Where(n => n != "gan-errors.csv").Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(Directory.GetFiles(input).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray(), outputs, "every output once, no temporary files");
        foreach (string name in outputs)
            Assert.AreEqual((32, 24), Size(Path.Combine(output, name)), name);
    }

    [TestMethod]
    public void ContradictoryOrIncompleteCommandLinesExitWithTwo()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), model = GanProcess.SaveTinyUpscaler(temp.Path);
        FaultyImageFiles.WriteImages(input, 1);
        string[] common = ["upscale", "-i", input, "-o", temp.File("out")];

        var both = GanProcess.Run([.. common, "-m", model, "--overwrite", "--resume"]);
        var noDefault = GanProcess.Run([.. common, "--scale", "3"]);
        var wrongScale = GanProcess.Run([.. common, "-m", model, "--scale", "4"]);
        var badShard = GanProcess.Run([.. common, "-m", model, "--shard", "3/3"]);
        var unknown = GanProcess.Run([.. common, "-m", model, "--colour", "red"]);
        var missing = GanProcess.Run("upscale", "-i", input);

        Assert.AreEqual((2, 2, 2, 2, 2, 2), (both.ExitCode, noDefault.ExitCode, wrongScale.ExitCode, badShard.ExitCode, unknown.ExitCode, missing.ExitCode));
        StringAssert.Contains(both.Error, "--overwrite and --resume");
        StringAssert.Contains(noDefault.Error, "3");
        StringAssert.Contains(wrongScale.Error, "×2");
        StringAssert.Contains(badShard.Error, "3/3");
        StringAssert.Contains(unknown.Error, "--colour");
        StringAssert.Contains(missing.Error, "--output");
        Assert.IsFalse(Directory.Exists(temp.File("out")), "nothing is written for a wrong command line");
    }

    [TestMethod]
    public void ExistingOutputsNeedOverwriteOrResume()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), output = temp.File("out"), model = GanProcess.SaveTinyUpscaler(temp.Path);
        FaultyImageFiles.WriteImages(input, 2);
        string[] args = ["upscale", "-i", input, "-o", output, "-m", model];
        Assert.AreEqual(0, GanProcess.Run(args).ExitCode);

        var again = GanProcess.Run([.. args, "--on-error", "skip"]);
        string report = File.ReadAllText(Path.Combine(output, "gan-errors.csv"));
        var overwrite = GanProcess.Run([.. args, "--overwrite"]);
        var resume = GanProcess.Run([.. args, "--resume"]);

        Assert.AreEqual(1, again.ExitCode);
        StringAssert.Contains(report, "img-000.png,output,");
        Assert.AreEqual(0, overwrite.ExitCode);
        StringAssert.Contains(overwrite.Output, "2 written");
        Assert.AreEqual(0, resume.ExitCode);
        StringAssert.Contains(resume.Output, "0 written, 2 already complete");
    }

    [TestMethod]
    public void ManifestNamesTheInputsAndTheirOutputs()
    {
        using var temp = new TempFolder();
        FaultyImageFiles.WriteImages(temp.File("in"), 3);
        string manifest = temp.Write("job.csv", "path,output\nin/img-002.png,renamed.jpg\nin/img-000.png,\nin/missing.png,\n");

        var run = GanProcess.Run("upscale", "-i", manifest, "-o", temp.File("out"), "-m", GanProcess.SaveTinyUpscaler(temp.Path), "--on-error", "skip");

        Assert.AreEqual(1, run.ExitCode, run.Error);
        Assert.AreEqual(ImageFormat.Jpeg, ImageHeader.DetectFormat(File.ReadAllBytes(temp.File("out/renamed.jpg"))));
        Assert.IsTrue(ImageOutputCompleteness.IsComplete(temp.File("out/in/img-000.png")));
        Assert.IsFalse(File.Exists(temp.File("out/in/img-001.png")), "only the manifest's inputs");
        StringAssert.Contains(File.ReadAllText(temp.File("out/gan-errors.csv")), "in/missing.png,read,");
    }

    [TestMethod]
    public void HelpListsTheCommandsAndExitCodes()
    {
        var help = GanProcess.Run("--help");

        Assert.AreEqual(0, help.ExitCode);
        foreach (string command in new[] { "upscale", "train", "generate", "info", "bench", "Exit codes" })
            StringAssert.Contains(help.Output, command);
    }

    private static (int Width, int Height) Size(string path)
    {
        var image = Image.Load(path);
        return (image.Width, image.Height);
    }

    private static int Written(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "img-*.png").Count(ImageOutputCompleteness.IsComplete) : 0;
}
