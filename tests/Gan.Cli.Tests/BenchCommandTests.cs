using Gan.Cli.Tests.Support;
using Gan.MLNet.Tests.Support;

namespace Gan.Cli.Tests;

[TestClass]
public sealed class BenchCommandTests
{
    [TestMethod]
    public void BenchUpscalePrintsOneTableRowAndLeavesNoOutputs()
    {
        using var temp = new TempFolder();
        string input = temp.File("in");
        FaultyImageFiles.WriteImages(input, 3);

        var run = GanProcess.Run("bench", "upscale", "-i", input, "-m", GanProcess.SaveTinyUpscaler(temp.Path), "--threads", "1", "--batch", "2");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        StringAssert.StartsWith(lines[0], "| inputs | written | failed | seconds | images/s | output MP/s | peak RSS MiB");
        StringAssert.StartsWith(lines[2], "| 3 | 3 | 0 | ");
        StringAssert.Contains(lines[2], "| ×2 | 1 | 2 |");
        CollectionAssert.AreEquivalent(new[] { "img-000.png", "img-001.png", "img-002.png" },
            Directory.GetFiles(input).Select(f => Path.GetFileName(f)).ToArray(), "the input folder is untouched");
    }
}
