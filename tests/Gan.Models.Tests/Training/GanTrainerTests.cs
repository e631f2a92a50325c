using Gan.Imaging;
using Gan.Models.Gans;
using Gan.Models.Metrics;
using Gan.Models.Torch;
using Gan.Models.Training;
using static Gan.Models.Tests.Training.GanTrainerTestData;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Training;

// Training swaps its own state into libtorch's global generator (dropout draws from it), and TrainingLeaksNoTensors
// reads the process-wide live-tensor count, so these tests run alone.
[TestClass]
[DoNotParallelize]
public sealed class GanTrainerTests
{
    private static readonly float[] ToyMean = [0.6f, -0.4f];
    private readonly List<string> _folders = [];

    [TestCleanup]
    public void DeleteFolders()
    {
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
    }

    private string TemporaryFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "gan-trainer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        return folder;
    }

    [TestMethod]
    public void LossesMoveAndTheTrainedGeneratorBeatsAnUntrainedOneOnFrechetDistance()
    {
        var model = Vanilla();
        using var data = Gaussian(512, ToyMean, 0.1f, seed: 3);
        using var untrained = GanNetworks.Create(model, seed: 1);
        using var trainer = new GanTrainer(model, TrainingFor(epochs: 30, batchSize: 32));

        var result = trainer.Train(data, null);

        Assert.HasCount(30 * 16, result.DiscriminatorLosses);
        double EpochMean(IReadOnlyList<double> losses, int epoch) => losses.Skip(epoch * 16).Take(16).Average();
        Assert.IsGreaterThan(0.005, Math.Abs(EpochMean(result.DiscriminatorLosses, 29) - EpochMean(result.DiscriminatorLosses, 0)), "D loss moved");
        Assert.IsGreaterThan(0.03, Math.Abs(EpochMean(result.GeneratorLosses, 29) - EpochMean(result.GeneratorLosses, 0)), "G loss moved");
        using var reference = Gaussian(2048, ToyMean, 0.1f, seed: 4);
        using var noise = new Generator(9);
        using var before = untrained.Generator.Sample(2048, random: noise);
        using var after = trainer.Networks.Generator.Sample(2048, random: noise);
        double untrainedDistance = FrechetDistance.Compute(before, reference);
        double trainedDistance = FrechetDistance.Compute(after, reference);
        Assert.IsLessThan(untrainedDistance / 10, trainedDistance, $"FD trained {trainedDistance} vs untrained {untrainedDistance}");
    }

    [TestMethod]
    public void ResumingFromACheckpointEqualsTheUninterruptedRunBitForBit()
    {
        string folder = TemporaryFolder();
        var (samples, labels) = LabelledImages(100, seed: 5);
        using (samples)
        using (labels)
        {
            using var straight = new GanTrainer(Conditional(), TrainingFor(epochs: 3));
            var all = straight.Train(samples, labels);

            string checkpoint = Path.Combine(folder, "run.safetensors");
            using (var first = new GanTrainer(Conditional(), TrainingFor(epochs: 2)))
            {
                first.Train(samples, labels);
                first.SaveCheckpoint(checkpoint);
            }
            using var resumed = GanTrainer.LoadCheckpoint(checkpoint);
            Assert.AreEqual(2, resumed.Epoch);
            Assert.AreEqual(12L, resumed.Step);
            resumed.TrainingOptions.Epochs = 1;
            var last = resumed.Train(samples, labels);

            Assert.AreEqual(3, resumed.Epoch);
            Assert.AreEqual(straight.Step, resumed.Step);
            CollectionAssert.AreEqual(all.DiscriminatorLosses.Skip(12).ToArray(), last.DiscriminatorLosses.ToArray());
            CollectionAssert.AreEqual(all.GeneratorLosses.Skip(12).ToArray(), last.GeneratorLosses.ToArray());
            CollectionAssert.AreEqual(Flatten(straight), Flatten(resumed));
        }
    }

    [TestMethod]
    public void ACancelledEpochResumesFromItsCheckpointExactly()
    {
        string folder = TemporaryFolder();
        var (samples, labels) = LabelledImages(100, seed: 6);
        using (samples)
        using (labels)
        {
            using var straight = new GanTrainer(Conditional(), TrainingFor(epochs: 2));
            var all = straight.Train(samples, labels);

            string checkpoint = Path.Combine(folder, "cancelled.safetensors");
            using var cancel = new CancellationTokenSource();
            using (var interrupted = new GanTrainer(Conditional(), TrainingFor(epochs: 2)))
            {
                var stopAfterEight = new SynchronousProgress<GanTrainingProgress>(p => { if (p.Step == 8) cancel.Cancel(); });
                Assert.ThrowsExactly<OperationCanceledException>(() => interrupted.Train(samples, labels, stopAfterEight, cancel.Token));
                Assert.AreEqual(8L, interrupted.Step, "the trainer stays at the last completed batch");
                Assert.AreEqual(1, interrupted.Epoch);
                interrupted.SaveCheckpoint(checkpoint);
            }
            using var resumed = GanTrainer.LoadCheckpoint(checkpoint);
            resumed.TrainingOptions.Epochs = 1;
            var rest = resumed.Train(samples, labels);

            Assert.AreEqual(2, resumed.Epoch);
            CollectionAssert.AreEqual(all.GeneratorLosses.Skip(8).ToArray(), rest.GeneratorLosses.ToArray());
            CollectionAssert.AreEqual(Flatten(straight), Flatten(resumed));
        }
    }

    [TestMethod]
    public void TheSameSeedGivesTheSameRunAndAnotherSeedAnotherRun()
    {
        var (samples, labels) = LabelledImages(64, seed: 7);
        using (samples)
        using (labels)
        {
            using var a = new GanTrainer(Conditional(), TrainingFor(epochs: 1));
            using var b = new GanTrainer(Conditional(), TrainingFor(epochs: 1));
            var other = TrainingFor(epochs: 1);
            other.Seed = 2;
            using var c = new GanTrainer(Conditional(), other);
            var ra = a.Train(samples, labels);
            var rb = b.Train(samples, labels);
            var rc = c.Train(samples, labels);
            CollectionAssert.AreEqual(ra.DiscriminatorLosses.ToArray(), rb.DiscriminatorLosses.ToArray());
            CollectionAssert.AreEqual(Flatten(a), Flatten(b));
            CollectionAssert.AreNotEqual(ra.DiscriminatorLosses.ToArray(), rc.DiscriminatorLosses.ToArray());
        }
    }

    [TestMethod]
    public void TrainingLeavesTheCallersGlobalRandomSequenceAlone()
    {
        var (samples, labels) = LabelledImages(32, seed: 8);
        using (samples)
        using (labels)
        {
            using var trainer = new GanTrainer(Conditional(), TrainingFor(epochs: 1));
            manual_seed(42);
            using var expected = randn(5);
            manual_seed(42);
            trainer.Train(samples, labels);
            using var actual = randn(5);
            CollectionAssert.AreEqual(expected.CopyToArray<float>(), actual.CopyToArray<float>());
        }
    }

    [TestMethod]
    public void ProgressIsReportedEveryBatchAndLoggedEveryLogEveryBatches()
    {
        using var data = Gaussian(100, ToyMean, 0.1f, seed: 10);
        var options = TrainingFor(epochs: 2, batchSize: 16);
        options.LogEveryBatches = 4;
        using var trainer = new GanTrainer(Vanilla(), options);
        var reports = new List<GanTrainingProgress>();
        var lines = new List<string>();
        trainer.Log += (_, e) => lines.Add(e.Message);

        trainer.Train(data, null, new SynchronousProgress<GanTrainingProgress>(reports.Add));

        Assert.HasCount(12, reports, "6 batches (100 / 16, remainder dropped) × 2 epochs");
        CollectionAssert.AreEqual(Enumerable.Range(1, 12).Select(i => (long)i).ToArray(), reports.Select(r => r.Step).ToArray());
        Assert.AreEqual(6, reports[5].Batch);
        Assert.AreEqual(1, reports[5].Epoch);
        Assert.AreEqual(2, reports[6].Epoch);
        Assert.IsTrue(reports.All(r => r.TotalEpochs == 2 && r.BatchesPerEpoch == 6 && r.ImagesPerSecond > 0));
        Assert.IsTrue(reports.All(r => r.RealScore is > 0 and < 1 && r.FakeScore is > 0 and < 1));
        Assert.HasCount(3, lines.Where(l => l.Contains(" batch ")).ToList(), "steps 4, 8 and 12");
        StringAssert.Contains(lines[0], "100 samples, 6 batches of 16 per epoch");
        StringAssert.Contains(lines[1], "D(G(z))");
        StringAssert.Contains(lines[1], "images/s");
        Assert.HasCount(2, lines.Where(l => l.Contains(" done ")).ToList(), "one summary per epoch");
    }

    [TestMethod]
    public void ASampleGridIsWrittenAfterEveryEpochWithOneRowPerClass()
    {
        string folder = TemporaryFolder();
        var (samples, labels) = LabelledImages(64, seed: 11);
        using (samples)
        using (labels)
        {
            var options = TrainingFor(epochs: 2);
            options.SampleDirectory = folder;
            options.SampleGridColumns = 5;
            using var trainer = new GanTrainer(Conditional(), options);
            trainer.Train(samples, labels);

            CollectionAssert.AreEquivalent(new[] { "epoch-001.png", "epoch-002.png" },
                Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
            var grid = Image.Load(Path.Combine(folder, "epoch-002.png"));
            int labelMargin = 2 + 5; // padding + the one-digit class label
            Assert.AreEqual(labelMargin + 2 + 5 * (4 + 2), grid.Width, "5 columns of 4 px with 2 px padding");
            Assert.AreEqual(2 + 3 * (4 + 2), grid.Height, "one row per class");
        }
    }

    [TestMethod]
    public void ACheckpointIsWrittenEveryEpochAndACorruptOneIsRefusedByName()
    {
        string folder = TemporaryFolder();
        string checkpoint = Path.Combine(folder, "nested", "gan.safetensors");
        using var data = Gaussian(64, ToyMean, 0.1f, seed: 12);
        var options = TrainingFor(epochs: 1);
        options.CheckpointPath = checkpoint;
        using (var trainer = new GanTrainer(Vanilla(), options)) trainer.Train(data, null);
        byte[] good = File.ReadAllBytes(checkpoint);
        using (var loaded = GanTrainer.LoadCheckpoint(checkpoint)) Assert.AreEqual(1, loaded.Epoch);
        Assert.IsEmpty(Directory.GetFiles(Path.GetDirectoryName(checkpoint)!, "*.tmp"), "no temporary file left");

        byte[] flipped = (byte[])good.Clone();
        flipped[^3] ^= 0x40;
        File.WriteAllBytes(checkpoint, flipped);
        var corrupt = Assert.ThrowsExactly<GanCheckpointException>(() => GanTrainer.LoadCheckpoint(checkpoint));
        StringAssert.Contains(corrupt.Message, checkpoint);
        StringAssert.Contains(corrupt.Message, "checksum");

        File.WriteAllBytes(checkpoint, good[..(good.Length / 2)]);
        var truncated = Assert.ThrowsExactly<GanCheckpointException>(() => GanTrainer.LoadCheckpoint(checkpoint));
        StringAssert.Contains(truncated.Message, checkpoint);

        var missing = Assert.ThrowsExactly<GanCheckpointException>(() => GanTrainer.LoadCheckpoint(Path.Combine(folder, "none.safetensors")));
        StringAssert.Contains(missing.Message, "none.safetensors");
    }

    [TestMethod]
    public void AnEditedCheckpointFailsItsChecksum()
    {
        string folder = TemporaryFolder();
        string checkpoint = Path.Combine(folder, "edited.safetensors");
        using var data = Gaussian(64, ToyMean, 0.1f, seed: 16);
        using (var trainer = new GanTrainer(Vanilla(), TrainingFor(epochs: 1)))
        {
            trainer.Train(data, null);
            trainer.SaveCheckpoint(checkpoint);
        }
        using (var file = SafeTensors.Load(checkpoint))
        {
            var metadata = file.Metadata.ToDictionary();
            metadata["state.epoch"] = "7";
            SafeTensors.Save(file.Tensors, checkpoint, metadata);
        }
        var error = Assert.ThrowsExactly<GanCheckpointException>(() => GanTrainer.LoadCheckpoint(checkpoint));
        StringAssert.Contains(error.Message, "checksum");
        Assert.AreEqual(checkpoint, error.Path);
    }

    [TestMethod]
    public void ACheckpointOfTheFormerEngineIsRefusedWithAMessageThatSaysSo()
    {
        string folder = TemporaryFolder();
        string checkpoint = Path.Combine(folder, "old.safetensors");
        using var data = Gaussian(64, ToyMean, 0.1f, seed: 18);
        using (var trainer = new GanTrainer(Vanilla(), TrainingFor(epochs: 1)))
        {
            trainer.Train(data, null);
            trainer.SaveCheckpoint(checkpoint);
        }
        using (var file = SafeTensors.Load(checkpoint))
        {
            var metadata = file.Metadata.ToDictionary();
            metadata["format_version"] = "1";
            SafeTensors.Save(file.Tensors, checkpoint, metadata);
        }
        var error = Assert.ThrowsExactly<GanCheckpointException>(() => GanTrainer.LoadCheckpoint(checkpoint));
        StringAssert.Contains(error.Message, "format version 1");
        StringAssert.Contains(error.Message, "before the move to TorchSharp");
        Assert.AreEqual(checkpoint, error.Path);
    }

    [TestMethod]
    public void TrainingLeaksNoTensors()
    {
        var (samples, labels) = LabelledImages(64, seed: 17);
        using (samples)
        using (labels)
        {
            string folder = TemporaryFolder();
            var options = TrainingFor(epochs: 1);
            options.SampleDirectory = folder;
            options.CheckpointPath = Path.Combine(folder, "leak.safetensors");
            using var trainer = new GanTrainer(Conditional(), options);
            trainer.Train(samples, labels);
            long live = LiveTensors.SettledCount();
            trainer.Train(samples, labels);
            trainer.SaveCheckpoint(options.CheckpointPath);
            Assert.AreEqual(live, LiveTensors.Count);
        }
    }

    [TestMethod]
    public void AnAbsurdLearningRateStopsWithATypedErrorAtTheFirstNonFiniteLoss()
    {
        using var data = Gaussian(64, ToyMean, 0.1f, seed: 14);
        var model = Vanilla();
        model.GeneratorLearningRate = model.DiscriminatorLearningRate = 1e38;
        using var trainer = new GanTrainer(model, TrainingFor(epochs: 1));

        var diverged = Assert.ThrowsExactly<GanTrainingDivergedException>(() => trainer.Train(data, null));

        Assert.AreEqual(GanDivergence.NonFiniteGeneratorLoss, diverged.Reason, diverged.Message);
        Assert.AreEqual(1, diverged.Epoch);
        Assert.AreEqual(1L, diverged.Step);
        StringAssert.Contains(diverged.Message, "epoch 1 at step 1");
        StringAssert.Contains(diverged.Message, "NaN");
        StringAssert.Contains(diverged.Message, "No checkpoint was written");
        Assert.IsNull(diverged.LastGoodCheckpoint);
    }

    [TestMethod]
    public void ABlowUpAfterACheckpointNamesItAndLeavesItIntact()
    {
        string folder = TemporaryFolder();
        string checkpoint = Path.Combine(folder, "good.safetensors");
        using var data = Gaussian(64, ToyMean, 0.1f, seed: 13);
        var options = TrainingFor(epochs: 1);
        options.CheckpointPath = checkpoint;
        using var trainer = new GanTrainer(Vanilla(), options);
        trainer.Train(data, null);
        byte[] good = File.ReadAllBytes(checkpoint);

        using (no_grad()) trainer.Networks.Discriminator.parameters().First().fill_(float.NaN);
        var diverged = Assert.ThrowsExactly<GanTrainingDivergedException>(() => trainer.Train(data, null));

        Assert.AreEqual(GanDivergence.NonFiniteDiscriminatorLoss, diverged.Reason, diverged.Message);
        StringAssert.Contains(diverged.Message, "epoch 2 at step 5");
        StringAssert.Contains(diverged.Message, $"'{Path.GetFullPath(checkpoint)}' (epoch 1, step 4)");
        Assert.AreEqual(Path.GetFullPath(checkpoint), diverged.LastGoodCheckpoint);
        CollectionAssert.AreEqual(good, File.ReadAllBytes(checkpoint), "the last good checkpoint is untouched");
        Assert.ThrowsExactly<InvalidOperationException>(() => trainer.SaveCheckpoint(checkpoint));
        Assert.ThrowsExactly<InvalidOperationException>(() => trainer.Train(data, null));
        CollectionAssert.AreEqual(good, File.ReadAllBytes(checkpoint));
        using var resumed = GanTrainer.LoadCheckpoint(checkpoint);
        Assert.AreEqual(1, resumed.Epoch);
        resumed.Train(data, null);
        Assert.AreEqual(2, resumed.Epoch);
    }

    [TestMethod]
    public void ADiscriminatorThatWinsOutrightIsReportedAsACollapse()
    {
        using var data = Gaussian(64, ToyMean, 0.1f, seed: 13);
        var model = Vanilla();
        model.DiscriminatorLearningRate = 0.1;
        model.GeneratorLearningRate = 1e-12;
        var options = TrainingFor(epochs: 20);
        options.CollapseDiscriminatorLoss = 0.5;
        options.CollapseBatches = 5;
        using var trainer = new GanTrainer(model, options);
        var losses = new List<double>();

        var diverged = Assert.ThrowsExactly<GanTrainingDivergedException>(
            () => trainer.Train(data, null, new SynchronousProgress<GanTrainingProgress>(p => losses.Add(p.DiscriminatorLoss))));

        Assert.AreEqual(GanDivergence.DiscriminatorCollapse, diverged.Reason, diverged.Message);
        StringAssert.Contains(diverged.Message, "collapsed");
        Assert.AreEqual(losses.Count, (int)diverged.Step);
        Assert.IsTrue(losses.TakeLast(5).All(l => l < 0.5), string.Join(", ", losses));
        Assert.IsGreaterThanOrEqualTo(0.5, losses[^6], "the run of low losses is exactly 5 long");
    }

    [TestMethod]
    public void SamplesAndLabelsThatDoNotFitAreRefusedWithClearErrors()
    {
        using var vanilla = new GanTrainer(Vanilla(), TrainingFor(epochs: 1));
        using var ints = zeros([8, 2], ScalarType.Int64);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => vanilla.Train(ints, null)).Message, "float32 [N, 2]");
        using var wide = zeros(8, 3);
        var shape = Assert.ThrowsExactly<ArgumentException>(() => vanilla.Train(wide, null));
        StringAssert.Contains(shape.Message, "[8, 3]");
        using var pixels = full([8, 2], 255f);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => vanilla.Train(pixels, null)).Message, "[-1, 1]");
        using var nan = full([8, 2], float.NaN);
        Assert.ThrowsExactly<ArgumentException>(() => vanilla.Train(nan, null));
        using var ok = zeros(8, 2);
        using var labels = zeros([8], ScalarType.Int64);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => vanilla.Train(ok, labels)).Message, "unconditional");

        using var conditional = new GanTrainer(Conditional(), TrainingFor(epochs: 1));
        using var images = zeros(8, 1, 4, 4);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => conditional.Train(images, null)).Message, "labels");
        using var tooHigh = full([8], 3, ScalarType.Int64);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => conditional.Train(images, tooHigh)).Message, "[0, 3)");
        Assert.AreEqual(0L, conditional.Step, "nothing was trained");
    }

    [TestMethod]
    public void InvalidTrainingOptionsAreRefusedByName()
    {
        foreach (var (change, option) in new (Action<GanTrainerOptions>, string)[]
        {
            (o => o.Epochs = 0, nameof(GanTrainerOptions.Epochs)),
            (o => o.BatchSize = 1, nameof(GanTrainerOptions.BatchSize)),
            (o => o.DiscriminatorStepsPerBatch = 0, nameof(GanTrainerOptions.DiscriminatorStepsPerBatch)),
            (o => o.GeneratorStepsPerBatch = 0, nameof(GanTrainerOptions.GeneratorStepsPerBatch)),
            (o => o.LogEveryBatches = -1, nameof(GanTrainerOptions.LogEveryBatches)),
            (o => o.CollapseDiscriminatorLoss = double.NaN, nameof(GanTrainerOptions.CollapseDiscriminatorLoss)),
            (o => o.CheckpointPath = "", nameof(GanTrainerOptions.CheckpointPath)),
        })
        {
            var options = new GanTrainerOptions();
            change(options);
            var error = Assert.ThrowsExactly<ArgumentException>(() => new GanTrainer(Vanilla(), options));
            StringAssert.Contains(error.Message, "GanTrainerOptions." + option);
        }
    }

    [TestMethod]
    public void TrainerOptionsRoundTripThroughMetadata()
    {
        var options = new GanTrainerOptions
        {
            Epochs = 3, BatchSize = 7, DiscriminatorStepsPerBatch = 2, GeneratorStepsPerBatch = 3, Seed = ulong.MaxValue,
            SampleDirectory = "grids", SampleGridColumns = 4, CheckpointPath = "c.safetensors", LogEveryBatches = 9,
            CollapseDiscriminatorLoss = 0.125, CollapseBatches = 11,
        };
        var copy = GanTrainerOptions.FromMetadata(options.ToMetadata());
        Assert.AreEqual(System.Text.Json.JsonSerializer.Serialize(options), System.Text.Json.JsonSerializer.Serialize(copy));
    }

    [TestMethod]
    public void SeveralDiscriminatorAndGeneratorStepsPerBatchTrain()
    {
        using var data = Gaussian(64, ToyMean, 0.1f, seed: 15);
        var options = TrainingFor(epochs: 1);
        options.DiscriminatorStepsPerBatch = 3;
        options.GeneratorStepsPerBatch = 2;
        using var trainer = new GanTrainer(Vanilla(), options);
        var before = Flatten(trainer);
        var result = trainer.Train(data, null);
        Assert.HasCount(4, result.GeneratorLosses);
        CollectionAssert.AreNotEqual(before, Flatten(trainer));
    }
}
