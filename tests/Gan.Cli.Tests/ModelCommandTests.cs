using Gan.Cli.Tests.Support;
using Gan.Imaging;
using Gan.MLNet.Tests.Support;

namespace Gan.Cli.Tests;

[TestClass]
public sealed class ModelCommandTests
{
    [TestMethod]
    public void ConditionalLapganTrainsAndGenerates32PixelSamples()
    {
        using var temp = new TempFolder();
        foreach (string label in new[] { "cat", "dog" }) FaultyImageFiles.WriteImages(temp.File($"data/{label}"), 4);
        string model = temp.File("lapgan.zip");

        var train = GanProcess.Run("train", "lapgan", "--labels", "--data", temp.File("data"), "--out", model, "--epochs", "1", "--batch", "4");
        var folder = GanProcess.Run("generate", "-m", model, "-n", "2", "--label", "cat", "-o", temp.File("samples"));

        Assert.AreEqual(0, train.ExitCode, train.Error);
        Assert.AreEqual(0, folder.ExitCode, folder.Error);
        var sample = Image.Load(temp.File("samples/sample-00000.png"));
        Assert.AreEqual((32, 32), (sample.Width, sample.Height));
    }

    [TestMethod]
    public void TrainedGanGeneratesGridsAndFoldersAndDescribesItself()
    {
        using var temp = new TempFolder();
        foreach (string label in new[] { "cat", "dog" }) FaultyImageFiles.WriteImages(temp.File($"data/{label}"), 8);
        string model = temp.File("gan.zip");

        string[] training = ["train", "cgan", "--data", temp.File("data"), "--out", model, "--epochs", "1", "--batch", "8", "--image-size", "8", "--samples", temp.File("grids")];
        var train = GanProcess.Run(training);
        byte[] afterOneEpoch = File.ReadAllBytes(model);
        var resumed = GanProcess.Run([.. training, "--resume"]);
        var grid = GanProcess.Run("generate", "--model", model, "--count", "6", "--label", "dog", "--out", temp.File("grid.png"));
        var folder = GanProcess.Run("generate", "-m", model, "-n", "3", "-o", temp.File("samples"));
        var unknownLabel = GanProcess.Run("generate", "-m", model, "-n", "3", "--label", "bird", "-o", temp.File("x.png"));
        var info = GanProcess.Run("info", model);

        Assert.AreEqual(0, train.ExitCode, train.Error);
        StringAssert.Contains(train.Output, "of 2 classes");
        Assert.AreEqual(0, resumed.ExitCode, resumed.Error);
        CollectionAssert.AreEqual(new[] { "epoch-001.png", "epoch-002.png" },
            Directory.GetFiles(temp.File("grids")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray(), "a grid per epoch; the resumed run trained epoch 2");
        CollectionAssert.AreNotEqual(afterOneEpoch, File.ReadAllBytes(model), "the resumed run saved the further-trained model");
        Assert.AreEqual(0, grid.ExitCode, grid.Error);
        var composed = Image.Load(temp.File("grid.png"));
        Assert.IsGreaterThan(3 * 8, composed.Width, "6 samples of 8 px laid out in a grid");
        Assert.AreEqual(0, folder.ExitCode, folder.Error);
        CollectionAssert.AreEqual(new[] { "sample-00000.png", "sample-00001.png", "sample-00002.png" },
            Directory.GetFiles(temp.File("samples")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
        Assert.AreEqual((8, 8), (Image.Load(temp.File("samples/sample-00000.png")).Width, Image.Load(temp.File("samples/sample-00000.png")).Height));
        Assert.AreEqual(3, unknownLabel.ExitCode);
        StringAssert.Contains(unknownLabel.Error, "bird");
        Assert.AreEqual(0, info.ExitCode, info.Error);
        StringAssert.Contains(info.Output, "all entry checksums match");
        StringAssert.Contains(info.Output, "GanGenerate");
        StringAssert.Contains(info.Output, "sha256");
    }

    [TestMethod]
    public void InfoDescribesAnUpscalerAndRefusesDamagedFiles()
    {
        using var temp = new TempFolder();
        string model = GanProcess.SaveTinyUpscaler(temp.Path, scale: 4);
        string damaged = temp.File("damaged.zip");
        File.WriteAllBytes(damaged, [.. "PK\u0003\u0004"u8, 1, 2, 3]);

        var upscaler = GanProcess.Run("info", model);
        var broken = GanProcess.Run("info", damaged);
        var missing = GanProcess.Run("info", temp.File("none.zip"));
        var text = GanProcess.Run("info", temp.Write("notes.txt", "not a model"));

        Assert.AreEqual(0, upscaler.ExitCode, upscaler.Error);
        StringAssert.Contains(upscaler.Output, "safetensors");
        StringAssert.Contains(upscaler.Output, "4");
        Assert.AreEqual((3, 3, 3), (broken.ExitCode, missing.ExitCode, text.ExitCode));
        StringAssert.Contains(text.Error, "neither a Gan.MLNet model zip nor a safetensors file");
        StringAssert.Contains(broken.Error, "damaged.zip");
        StringAssert.Contains(missing.Error, "none.zip");
    }

    [TestMethod]
    public void TrainRefusesWhatItCannotDo()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("data"));
        FaultyImageFiles.WriteImages(temp.File("broken"), 2);
        File.WriteAllText(temp.File("broken/zz-notes.png"), "not an image");

        var corrupt = GanProcess.Run("train", "gan", "--data", temp.File("broken"), "--out", temp.File("m.zip"), "--epochs", "1", "--image-size", "8");
        var unknownKind = GanProcess.Run("train", "wgan", "--data", temp.File("data"), "--out", temp.File("m.zip"));
        var noData = GanProcess.Run("train", "dcgan", "--data", temp.File("none"), "--out", temp.File("m.zip"));
        var resumeGan = GanProcess.Run("train", "dcgan", "--data", temp.File("data"), "--out", temp.File("m.zip"), "--resume");
        var srganWithoutInit = GanProcess.Run("train", "srgan", "--data", temp.File("data"), "--out", temp.File("m.safetensors"));
        var resumeWithoutCheckpoint = GanProcess.Run("train", "srresnet", "--data", temp.File("data"), "--out", temp.File("m.safetensors"), "--resume");

        Assert.AreEqual((2, 3, 2, 2, 2), (unknownKind.ExitCode, noData.ExitCode, resumeGan.ExitCode, srganWithoutInit.ExitCode, resumeWithoutCheckpoint.ExitCode));
        Assert.AreEqual(3, corrupt.ExitCode, corrupt.Error);
        StringAssert.Contains(corrupt.Error, "zz-notes.png");
        StringAssert.Contains(unknownKind.Error, "wgan");
        StringAssert.Contains(noData.Error, "none");
        StringAssert.Contains(srganWithoutInit.Error, "--init");
        StringAssert.Contains(resumeGan.Error, "m.zip.checkpoint");
        StringAssert.Contains(resumeWithoutCheckpoint.Error, "m.safetensors.checkpoint");
    }

    [TestMethod]
    public void TrainedUpscalerResumesAndUpscales()
    {
        using var temp = new TempFolder();
        FaultyImageFiles.WriteImages(temp.File("photos"), 6, 48, 40);
        string model = temp.File("sr.safetensors");
        string[] training = ["train", "srresnet", "--data", temp.File("photos"), "--out", model, "--scale", "2", "--epochs", "1",
            "--steps-per-epoch", "2", "--batch", "2", "--blocks", "1", "--width", "8", "--patch-size", "16"];

        var train = GanProcess.Run(training);
        var resumed = GanProcess.Run([.. training, "--resume"]);
        var upscale = GanProcess.Run("upscale", "-i", temp.File("photos"), "-o", temp.File("out"), "-m", model);
        var info = GanProcess.Run("info", model);

        Assert.AreEqual(0, train.ExitCode, train.Error);
        StringAssert.Contains(train.Output, "after epoch 1;");
        Assert.AreEqual(0, resumed.ExitCode, resumed.Error);
        StringAssert.Contains(resumed.Output, "after epoch 2;");
        StringAssert.Contains(resumed.Output, "validation PSNR-Y");
        Assert.AreEqual(0, upscale.ExitCode, upscale.Error);
        Assert.AreEqual(96, Image.Load(temp.File("out/img-000.png")).Width);
        StringAssert.Contains(info.Output, "srresnet.blocks = 1");
    }
}
