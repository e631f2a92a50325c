using Gan.Models.SuperResolution;
using Gan.Models.Training;
using Gan.Models.Tests.Torch;
using Gan.Models.Torch;
using static TorchSharp.torch;
using static Gan.Models.Tests.SuperResolution.SrTestData;

namespace Gan.Models.Tests.SuperResolution;

[TestClass]
public sealed class SrTrainerTests
{
    private static SrResNetOptions TinyModel(int scale = 2) => new() { Scale = scale, BlockCount = 2, Width = 16 };

    private static SrTrainerOptions Training(int epochs, int steps, SrTrainingMode mode = SrTrainingMode.SrResNet) => new()
    {
        Mode = mode, Epochs = epochs, StepsPerEpoch = steps, BatchSize = 16, LearningRate = 1e-3, DiscriminatorWidth = 4, LogEveryBatches = 0,
    };

    // Measured: from bicubic's 33.92 dB the network stays level for ~300 steps, then passes it (34.7 dB at 600).
    [TestMethod]
    public void ATinySrResNetRisesAboveBicubicOnHeldOutPatches()
    {
        using var data = SmallPhotoSet(validationPatches: 64);
        using var trainer = new SrTrainer(TinyModel(), Training(epochs: 3, steps: 200));

        var result = trainer.Train(data);

        var last = result.Validations[^1];
        Assert.HasCount(3, result.Validations);
        Assert.HasCount(600, result.GeneratorLosses);
        Assert.IsGreaterThan(last.BicubicPsnr + 0.3, last.Psnr, $"SRResNet {last.Psnr:F2} dB vs bicubic {last.BicubicPsnr:F2} dB");
        Assert.IsGreaterThan(result.Validations[0].Psnr, last.Psnr);
        Assert.IsGreaterThan(last.BicubicSsim, last.Ssim);
    }

    [TestMethod]
    [DataRow(SrTrainingMode.SrResNet)]
    [DataRow(SrTrainingMode.Srgan)]
    public void ResumingFromACheckpointEqualsTheUninterruptedRunBitForBit(SrTrainingMode mode)
    {
        using var folder = Temporary();
        string checkpoint = Path.Combine(folder.Path, "sr.ckpt");
        using var data = SmallPhotoSet(validationPatches: 4);
        using var straight = new SrTrainer(TinyModel(), Training(epochs: 3, steps: 3, mode));
        straight.Train(data);

        var options = Training(epochs: 2, steps: 3, mode);
        options.CheckpointPath = checkpoint;
        using (var first = new SrTrainer(TinyModel(), options)) first.Train(data);
        using var resumed = SrTrainer.LoadCheckpoint(checkpoint);
        resumed.TrainingOptions.Epochs = 1;
        resumed.TrainingOptions.CheckpointPath = null;
        resumed.Train(data);

        Assert.AreEqual((3, 9L), (resumed.Epoch, resumed.Step));
        AssertSameState(straight.Generator.state_dict(), resumed.Generator.state_dict());
        if (mode == SrTrainingMode.Srgan) AssertSameState(straight.Discriminator!.state_dict(), resumed.Discriminator!.state_dict());
    }

    [TestMethod]
    public void CancellingMidEpochAndResumingFinishesTheSameRun()
    {
        using var folder = Temporary();
        string checkpoint = Path.Combine(folder.Path, "sr.ckpt");
        using var data = SmallPhotoSet(validationPatches: 4);
        using var straight = new SrTrainer(TinyModel(), Training(epochs: 1, steps: 6));
        straight.Train(data);

        using var interrupted = new SrTrainer(TinyModel(), Training(epochs: 1, steps: 6));
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress<SrTrainingProgress>(p => { if (p.Step == 4) cancel.Cancel(); });
        Assert.ThrowsExactly<OperationCanceledException>(() => interrupted.Train(data, progress, cancel.Token));
        Assert.AreEqual((0, 4L), (interrupted.Epoch, interrupted.Step));
        interrupted.SaveCheckpoint(checkpoint);
        using var resumed = SrTrainer.LoadCheckpoint(checkpoint);
        resumed.Train(data);

        Assert.AreEqual((1, 6L), (resumed.Epoch, resumed.Step));
        AssertSameState(straight.Generator.state_dict(), resumed.Generator.state_dict());
    }

    [TestMethod]
    public void SrganFineTuningStartsFromTheGivenSrResNetAndTrainsBothNetworks()
    {
        using var data = SmallPhotoSet(validationPatches: 4);
        using var pretrained = SrResNet.Create(TinyModel(), seed: 5);
        var options = Training(epochs: 1, steps: 4, SrTrainingMode.Srgan);
        options.ContentLoss = ContentLoss.DiscriminatorFeatures;
        using var trainer = new SrTrainer(TinyModel(), options, pretrained);
        AssertSameState(pretrained.state_dict(), trainer.Generator.state_dict());
        var messages = new List<string>();
        trainer.Log += (_, e) => messages.Add(e.Message);

        var result = trainer.Train(data);

        Assert.HasCount(4, result.DiscriminatorLosses);
        Assert.IsTrue(result.DiscriminatorLosses.All(double.IsFinite));
        Assert.IsFalse(TensorAssert.Identical(pretrained.state_dict()["tail.weight"], trainer.Generator.state_dict()["tail.weight"]));
        Assert.IsTrue(messages.Any(m => m.Contains("validation PSNR-Y", StringComparison.Ordinal) && m.Contains("bicubic", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DoNotParallelize] // the live-tensor count is process-wide: no other test may create or free tensors meanwhile
    public void TrainingLeavesNoTensorsBehind()
    {
        using var data = SmallPhotoSet(validationPatches: 4);
        using var trainer = new SrTrainer(TinyModel(), Training(epochs: 1, steps: 2, SrTrainingMode.Srgan));
        trainer.Train(data);
        long before = LiveTensors.SettledCount();

        trainer.Train(data);

        Assert.AreEqual(before, LiveTensors.Count);
    }

    [TestMethod]
    public void TheLearningRateCanBeChangedBetweenEpochsAndIsCheckpointed()
    {
        using var folder = Temporary();
        string checkpoint = Path.Combine(folder.Path, "sr.ckpt");
        using var data = SmallPhotoSet(validationPatches: 4);
        using var trainer = new SrTrainer(TinyModel(), Training(epochs: 1, steps: 2));
        using var before = SrResNetSerialization.Copy(trainer.Generator);

        trainer.LearningRate = 0;
        trainer.Train(data);
        AssertSameState(before.state_dict(), trainer.Generator.state_dict());
        trainer.LearningRate = 5e-4;
        trainer.SaveCheckpoint(checkpoint);
        using var resumed = SrTrainer.LoadCheckpoint(checkpoint);

        Assert.AreEqual(5e-4, resumed.LearningRate);
        Assert.AreEqual(1e-3, resumed.TrainingOptions.LearningRate);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainer.LearningRate = double.NaN);
    }

    // One held-out photo is flat: bicubic reproduces its patches exactly (infinite PSNR each), yet the validation
    // pools the squared errors over all patches and stays finite, set by the textured photo's patches.
    [TestMethod]
    public void ValidationPsnrPoolsTheSquaredErrorsSoFlatPatchesCannotMakeItInfinite()
    {
        using var folder = Temporary();
        var noise = RandomImage(64, 64, Gan.Imaging.PixelFormat.Rgb24, seed: 3);
        var flat = Gan.Imaging.Image.FromPixels(64, 64, Gan.Imaging.PixelFormat.Rgb24, Enumerable.Repeat((byte)128, 64 * 64 * 3).ToArray());
        noise.Save(Path.Combine(folder.Path, "a-noise.png"));
        flat.Save(Path.Combine(folder.Path, "b-flat.png"));
        noise.Save(Path.Combine(folder.Path, "c-noise.png"));
        using var data = SrPatchDataset.LoadFolders([folder.Path],
            new SrPatchOptions { Scale = 2, PatchSize = 24, ValidationFraction = 0.67, ValidationPatchCount = 32, Seed = 1 });
        using var trainer = new SrTrainer(TinyModel(), Training(epochs: 1, steps: 1));

        var validation = trainer.Validate(data);

        CollectionAssert.Contains(data.ValidationPhotos.Select(Path.GetFileName).ToList(), "b-flat.png");
        Assert.IsTrue(double.IsFinite(validation.BicubicPsnr), $"bicubic {validation.BicubicPsnr}");
        Assert.IsTrue(double.IsFinite(validation.Psnr), $"network {validation.Psnr}");
    }

    [TestMethod]
    public void ADatasetForAnotherScaleIsRefused()
    {
        using var data = SmallPhotoSet(scale: 4, validationPatches: 2);
        using var trainer = new SrTrainer(TinyModel(scale: 2), Training(1, 1));

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => trainer.Train(data)).Message, "×4");
    }

    [TestMethod]
    public void AnInitialGeneratorOfAnotherArchitectureIsRefused()
    {
        using var other = SrResNet.Create(TinyModel(scale: 4), seed: 1);

        Assert.ThrowsExactly<ArgumentException>(() => new SrTrainer(TinyModel(scale: 2), Training(1, 1), other));
    }

    [TestMethod]
    [DataRow(nameof(SrTrainerOptions.StepsPerEpoch))]
    [DataRow(nameof(SrTrainerOptions.BatchSize))]
    [DataRow(nameof(SrTrainerOptions.LearningRate))]
    [DataRow(nameof(SrTrainerOptions.AdversarialWeight))]
    public void InvalidOptionsAreRefusedNamingTheOption(string option)
    {
        var options = Training(1, 1);
        switch (option)
        {
            case nameof(SrTrainerOptions.StepsPerEpoch): options.StepsPerEpoch = 0; break;
            case nameof(SrTrainerOptions.BatchSize): options.BatchSize = 1; break;
            case nameof(SrTrainerOptions.LearningRate): options.LearningRate = double.NaN; break;
            default: options.AdversarialWeight = -1; break;
        }

        var error = Assert.ThrowsExactly<ArgumentException>(() => new SrTrainer(TinyModel(), options));

        Assert.AreEqual(option, error.ParamName);
    }

    [TestMethod]
    public void ACorruptCheckpointIsRefused()
    {
        using var folder = Temporary();
        string checkpoint = Path.Combine(folder.Path, "sr.ckpt");
        using (var trainer = new SrTrainer(TinyModel(), Training(1, 1))) trainer.SaveCheckpoint(checkpoint);
        var bytes = File.ReadAllBytes(checkpoint);
        bytes[^5] ^= 0x40;
        File.WriteAllBytes(checkpoint, bytes);

        StringAssert.Contains(Assert.ThrowsExactly<GanCheckpointException>(() => SrTrainer.LoadCheckpoint(checkpoint)).Message, "checksum");
    }

    [TestMethod]
    public void ANonFiniteLossStopsTrainingWithATypedErrorAndTheTrainerKeepsTheGoodCheckpoint()
    {
        using var data = SmallPhotoSet();
        using var folder = Temporary();
        string checkpoint = Path.Combine(folder.Path, "sr.ckpt");
        var options = Training(epochs: 1, steps: 1);
        options.CheckpointPath = checkpoint;
        using var trainer = new SrTrainer(TinyModel(), options);
        trainer.Train(data);
        var good = File.ReadAllBytes(checkpoint);

        // Adam moves every weight by about the learning rate per step: squared errors overflow within a few steps.
        trainer.LearningRate = 1e30;
        trainer.TrainingOptions.StepsPerEpoch = 20;
        var diverged = Assert.ThrowsExactly<SrTrainingDivergedException>(() => trainer.Train(data));

        Assert.AreEqual("pixel", diverged.Loss);
        Assert.AreEqual(2, diverged.Epoch);
        Assert.IsGreaterThan(1L, diverged.Step);
        StringAssert.Contains(diverged.Message, "LearningRate");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidOperationException>(() => trainer.SaveCheckpoint(checkpoint)).Message, "diverged");
        Assert.ThrowsExactly<InvalidOperationException>(() => trainer.Train(data));
        CollectionAssert.AreEqual(good, File.ReadAllBytes(checkpoint));
    }

    /// <summary>
    /// The trainer lays its networks' weights out as SuperResolver does for the cap: plain where oneDNN is capped at
    /// SSE4.1 (right there, and the faster), channels-last elsewhere (the layout whose gradients are right uncapped).
    /// </summary>
    [TestMethod]
    [DataRow("SSE41", false)]
    [DataRow("ALL", true)]
    public void TheWeightLayoutFollowsTheCap(string isa, bool channelsLast)
    {
        var (exitCode, output) = ChildProcess.Run(PrintTheWeightLayout, new Dictionary<string, string?> { [OneDnnIsa.Variable] = isa });

        Assert.AreEqual(0, exitCode, output);
        Assert.Contains($"generator channels-last {channelsLast}, discriminator channels-last {channelsLast}", output);
    }

    private static void PrintTheWeightLayout()
    {
        using var trainer = new SrTrainer(TinyModel(), Training(1, 1, SrTrainingMode.Srgan));
        static bool AllChannelsLast(nn.Module network) => network.parameters().Where(p => p.dim() == 4).All(p => p.IsChannelsLast());
        Console.WriteLine($"generator channels-last {AllChannelsLast(trainer.Generator)}, discriminator channels-last {AllChannelsLast(trainer.Discriminator!)}");
    }

    private static void AssertSameState(IReadOnlyDictionary<string, Tensor> expected, IReadOnlyDictionary<string, Tensor> actual)
    {
        CollectionAssert.AreEqual(expected.Keys.ToList(), actual.Keys.ToList());
        foreach (var (name, tensor) in expected)
            TensorAssert.AreIdentical(tensor, actual[name], name);
    }
}
