using Gan.Imaging;
using Gan.Models.Gans;
using Gan.Models.Gans.Lapgan;
using Gan.Models.Torch;
using Gan.Models.Training;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Gans;

[TestClass]
public sealed class LapganTests
{
    private static GanOptions Options(GanKind kind = GanKind.ConditionalLapgan, int channels = 1, int side = 32, int levels = 2) => new()
    {
        Kind = kind,
        SampleShape = [channels, side, side],
        ClassCount = kind == GanKind.ConditionalLapgan ? 3 : 0,
        LatentSize = 8,
        GeneratorWidth = 4,
        DiscriminatorWidth = 4,
        Lapgan = new LapganOptions { Levels = levels, GeneratorWidth = 4, DiscriminatorWidth = 4 },
    };

    private static Tensor? Labels(GanOptions options, params long[] values) =>
        options.IsConditional ? tensor(values) : null;

    private static Tensor Images(long count, int channels, int side, ulong seed)
    {
        using var random = new Generator(seed);
        return rand([count, channels, side, side], generator: random).mul(2).sub(1);
    }

    [TestMethod]
    public void TheLaplacianPyramidRebuildsTheImage()
    {
        using var scope = NewDisposeScope();
        var images = Images(3, 2, 32, seed: 1);
        var (coarse, residuals) = LaplacianPyramid.Decompose(images, 2);
        CollectionAssert.AreEqual(new long[] { 3, 2, 8, 8 }, coarse.shape);
        CollectionAssert.AreEqual(new long[] { 3, 2, 16, 16 }, residuals[0].shape);
        CollectionAssert.AreEqual(new long[] { 3, 2, 32, 32 }, residuals[1].shape);
        var rebuilt = LaplacianPyramid.Reconstruct(coarse, residuals);
        Assert.IsLessThan(1e-6f, rebuilt.sub(images).abs().max().item<float>());
        // The coarse image is the image's 4×4 block means, and the residuals carry real detail.
        var blockMean = images.narrow(1, 0, 1).narrow(2, 0, 4).narrow(3, 0, 4).mean().item<float>();
        Assert.AreEqual(blockMean, coarse.narrow(1, 0, 1).narrow(2, 0, 1).narrow(3, 0, 1).mean().item<float>(), 1e-6f);
        Assert.IsGreaterThan(0.1f, residuals[1].abs().mean().item<float>());
    }

    [TestMethod]
    public void ASmoothImageHasNoFineResidual()
    {
        using var scope = NewDisposeScope();
        var constant = full([1, 1, 16, 16], 0.25f);
        var (coarse, residuals) = LaplacianPyramid.Decompose(constant, 1);
        Assert.IsLessThan(1e-6f, residuals[0].abs().max().item<float>());
        Assert.AreEqual(0.25f, coarse.mean().item<float>(), 1e-6f);
    }

    [TestMethod]
    public void EveryLevelHasTheRightShapes()
    {
        foreach (var kind in new[] { GanKind.Lapgan, GanKind.ConditionalLapgan })
        foreach (int channels in new[] { 1, 3 })
        {
            using var scope = NewDisposeScope();
            var options = Options(kind, channels);
            Assert.AreEqual(8 + 16 * 16 + 32 * 32, options.NoiseSize);
            using var nets = GanNetworks.Create(options);
            var generator = (LapganGenerator)nets.Generator;
            CollectionAssert.AreEqual(new[] { 8, 16, 32 }, generator.Sides.ToArray());
            var labels = Labels(options, 0, 2);
            var levels = generator.GenerateLevels(generator.SampleNoise(2), labels);
            Assert.HasCount(3, levels);
            for (int k = 0; k < 3; k++)
            {
                CollectionAssert.AreEqual(new long[] { 2, channels, generator.Sides[k], generator.Sides[k] }, levels[k].shape, $"{kind}, level {k}");
                Assert.IsLessThanOrEqualTo(1f, levels[k].abs().max().item<float>(), $"{kind}, level {k} in [-1, 1]");
            }
            var real = generator.TrainingReal(Images(2, channels, 32, seed: 2));
            var fake = generator.TrainingFakes(generator.SampleNoise(2), labels, real);
            CollectionAssert.AreEqual(real.shape, fake.shape);
            var logits = nets.Discriminator.call(fake, labels);
            CollectionAssert.AreEqual(new long[] { 3 * 2 }, logits.shape, "one logit per level per sample");
        }
    }

    [TestMethod]
    public void SamplingRunsCoarseToFineTo32Pixels()
    {
        using var scope = NewDisposeScope();
        var options = Options();
        using var nets = GanNetworks.Create(options);
        using var random = new Generator(3);
        var samples = nets.Generator.Sample(4, Labels(options, 0, 1, 2, 0), random);
        CollectionAssert.AreEqual(new long[] { 4, 1, 32, 32 }, samples.shape);
        nets.Generator.eval();
        using var again = new Generator(3);
        var levels = ((LapganGenerator)nets.Generator).GenerateLevels(nets.Generator.SampleNoise(4, again), Labels(options, 0, 1, 2, 0));
        Assert.IsTrue(Same(levels[^1], samples), "eval-mode levels end in the sample");
    }

    [TestMethod]
    public void TrainingFakesRefineTheRealCoarserImages()
    {
        using var scope = NewDisposeScope();
        var options = Options(GanKind.Lapgan);
        using var nets = GanNetworks.Create(options);
        var generator = nets.Generator;
        generator.eval();
        using var random = new Generator(4);
        var noise = generator.SampleNoise(2, random);
        var realA = generator.TrainingReal(Images(2, 1, 32, seed: 5));
        var realB = generator.TrainingReal(Images(2, 1, 32, seed: 6));
        var fakeA = generator.TrainingFakes(noise, null, realA);
        var fakeB = generator.TrainingFakes(noise, null, realB);
        const int coarse = 8 * 8;
        Assert.IsTrue(Same(fakeA.narrow(1, 0, coarse), fakeB.narrow(1, 0, coarse)), "the coarse level ignores the real batch");
        Assert.IsFalse(Same(fakeA.narrow(1, coarse, 16 * 16), fakeB.narrow(1, coarse, 16 * 16)), "level 16 refines the real 8-px image");
        // Its fake is u(real 8 px) + residual, so removing the residual leaves exactly the real low-pass image.
        var levels = LaplacianPyramid.Gaussian(Images(2, 1, 32, seed: 5), 2);
        Assert.IsGreaterThan(0.1f, fakeA.narrow(1, coarse, 16 * 16).sub(levels[1].flatten(1)).abs().mean().item<float>(), "fakes differ from the real level");
    }

    [TestMethod]
    [DoNotParallelize]
    public void ATinyRunMovesEveryLevelsLosses()
    {
        using var scope = NewDisposeScope();
        var options = Options(side: 16, levels: 2);
        var (images, labels) = Squares(48, seed: 7);
        using var trainer = new GanTrainer(options, new GanTrainerOptions { Epochs = 4, BatchSize = 16, LogEveryBatches = 0, Seed = 3 });
        var before = trainer.Networks.Generator.state_dict().ToDictionary(e => e.Key, e => e.Value.clone());
        var result = trainer.Train(images, labels);
        Assert.HasCount(12, result.DiscriminatorLosses);
        Assert.IsTrue(result.DiscriminatorLosses.Concat(result.GeneratorLosses).All(double.IsFinite));
        Assert.AreNotEqual(result.DiscriminatorLosses[0], result.DiscriminatorLosses[^1]);
        Assert.AreNotEqual(result.GeneratorLosses[0], result.GeneratorLosses[^1]);
        foreach (string prefix in new[] { "coarse.", "level8.", "level16." })
        {
            var changed = trainer.Networks.Generator.state_dict()
                .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && e.Key.EndsWith("weight", StringComparison.Ordinal))
                .Any(e => !Same(e.Value, before[e.Key]));
            Assert.IsTrue(changed, $"{prefix} weights were trained");
        }
    }

    [TestMethod]
    [DoNotParallelize] // the live-tensor count is process-wide: no other test may create or free tensors meanwhile
    public void ACheckpointResumesTheWholePyramidBitForBitWithoutLeaks()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"lapgan-{Guid.NewGuid():N}");
        try
        {
            using var scope = NewDisposeScope();
            var options = Options(side: 16, levels: 2);
            var (images, labels) = Squares(32, seed: 8);
            GanTrainerOptions Training(int epochs) => new() { Epochs = epochs, BatchSize = 16, LogEveryBatches = 0, Seed = 4, SampleGridColumns = 2, SampleDirectory = folder };
            using var straight = new GanTrainer(options, Training(3));
            var all = straight.Train(images, labels);
            Assert.IsTrue(File.Exists(Path.Combine(folder, "epoch-003.png")), "the trainer's per-epoch grid shows the pyramid's samples");

            string checkpoint = Path.Combine(folder, "run.safetensors");
            using (var first = new GanTrainer(options, Training(2)))
            {
                first.Train(images, labels);
                first.SaveCheckpoint(checkpoint);
            }
            using var resumed = GanTrainer.LoadCheckpoint(checkpoint);
            Assert.AreEqual(GanKind.ConditionalLapgan, resumed.ModelOptions.Kind);
            Assert.AreEqual(4, resumed.ModelOptions.Lapgan.GeneratorWidth, "the pyramid options are in the checkpoint");
            resumed.TrainingOptions.Epochs = 1;
            long live = LiveTensors.SettledCount();
            var last = resumed.Train(images, labels);
            Assert.AreEqual(live, LiveTensors.Count, "a LAPGAN epoch leaks no tensors");
            CollectionAssert.AreEqual(all.DiscriminatorLosses.Skip(4).ToArray(), last.DiscriminatorLosses.ToArray());
            CollectionAssert.AreEqual(all.GeneratorLosses.Skip(4).ToArray(), last.GeneratorLosses.ToArray());
            var expected = straight.Networks.Generator.state_dict();
            foreach (var (key, value) in resumed.Networks.Generator.state_dict())
                Assert.IsTrue(Same(value, expected[key]), key);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Class c (of 3): a bright square of side 8 + 2c on a dark 16-px background, so every level has structure.</summary>
    private static (Tensor Images, Tensor Labels) Squares(long count, ulong seed)
    {
        using var scope = NewDisposeScope();
        using var random = new Generator(seed);
        var labels = randint(0, 3, [count], generator: random);
        var images = full([count, 1, 16, 16], -1f);
        for (int c = 0; c < 3; c++)
        {
            var mask = labels.eq(c).view(count, 1, 1, 1).to(ScalarType.Float32);
            var square = full([count, 1, 16, 16], -1f);
            square.narrow(2, 4 - c, 8 + 2 * c).narrow(3, 4 - c, 8 + 2 * c).fill_(1f);
            images = images.add(square.add(1).mul(mask));
        }
        return (images.clamp(-1, 1).MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    [TestMethod]
    public void SaveThenLoadGivesTheSameSamples()
    {
        using var scope = NewDisposeScope();
        var options = Options();
        using var nets = GanNetworks.Create(options, seed: 9);
        using var buffer = new MemoryStream();
        GanGeneratorSerialization.Save(nets.Generator, buffer);
        buffer.Position = 0;
        using var loaded = GanGeneratorSerialization.Load(buffer);
        Assert.IsInstanceOfType<LapganGenerator>(loaded);
        Assert.AreEqual(GanKind.ConditionalLapgan, loaded.Options.Kind);
        Assert.AreEqual(4, loaded.Options.Lapgan.GeneratorWidth);
        using var a = new Generator(11);
        using var b = new Generator(11);
        var labels = Labels(options, 2, 1, 0);
        Assert.IsTrue(Same(nets.Generator.Sample(3, labels, a), loaded.Sample(3, labels, b)));
    }

    [TestMethod]
    public void TheLevelGridShowsEveryLevelPerSample()
    {
        using var scope = NewDisposeScope();
        var options = Options();
        using var nets = GanNetworks.Create(options);
        string path = Path.Combine(Path.GetTempPath(), $"lapgan-grid-{Guid.NewGuid():N}.png");
        try
        {
            var generator = (LapganGenerator)nets.Generator;
            LapganLevelGrid.Write(generator, generator.SampleNoise(3), Labels(options, 0, 1, 2), path);
            var image = Image.Load(path);
            Assert.AreEqual(2 + LapganLevelGrid.Columns(2) * (32 + 2), image.Width);
            Assert.AreEqual(2 + 3 * (32 + 2), image.Height);
            Assert.IsTrue(generator.training, "the training mode is restored");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void BadOptionsAreRefusedByName()
    {
        AssertRefused(o => o.SampleShape = [64], "GanOptions.SampleShape");
        AssertRefused(o => o.SampleShape = [1, 32, 16], "GanOptions.SampleShape");
        AssertRefused(o => o.SampleShape = [2, 32, 32], "GanOptions.SampleShape");
        AssertRefused(o => o.SampleShape = [1, 30, 30], "GanOptions.Lapgan.Levels");
        AssertRefused(o => o.Lapgan.Levels = 4, "GanOptions.Lapgan.Levels");
        AssertRefused(o => o.Lapgan.Levels = 0, "GanOptions.Lapgan.Levels");
        AssertRefused(o => o.Lapgan.GeneratorWidth = 0, "GanOptions.Lapgan.GeneratorWidth");
        AssertRefused(o => o.Lapgan.DiscriminatorWidth = -1, "GanOptions.Lapgan.DiscriminatorWidth");
        AssertRefused(o => o.Lapgan = null!, "GanOptions.Lapgan");
        AssertRefused(o => o.ClassCount = 0, "GanOptions.ClassCount");
        // 28-px images halve twice to 7 px: a valid pyramid 7 → 14 → 28.
        var options = Options(side: 28);
        options.Validate();
        CollectionAssert.AreEqual(new[] { 7, 14, 28 }, options.Lapgan.Sides(28).ToArray());
    }

    [TestMethod]
    public void TheDiscriminatorRefusesPlainImages()
    {
        using var scope = NewDisposeScope();
        var options = Options(GanKind.Lapgan);
        using var nets = GanNetworks.Create(options);
        var e = Assert.ThrowsExactly<ArgumentException>(() => nets.Discriminator.call(Images(2, 1, 32, seed: 1), null));
        StringAssert.Contains(e.Message, "packed pyramids [N, 1344]");
    }

    [TestMethod]
    public void ThePyramidOptionsTravelInTheMetadata()
    {
        var options = Options();
        options.Lapgan.Levels = 3;
        options.Lapgan.DiscriminatorWidth = 6;
        var copy = GanOptions.FromMetadata(options.ToMetadata());
        Assert.AreEqual(3, copy.Lapgan.Levels);
        Assert.AreEqual(4, copy.Lapgan.GeneratorWidth);
        Assert.AreEqual(6, copy.Lapgan.DiscriminatorWidth);
        var missing = options.ToMetadata().Where(e => e.Key != "gan.lapgan.levels").ToDictionary(e => e.Key, e => e.Value);
        var e = Assert.ThrowsExactly<FormatException>(() => GanOptions.FromMetadata(missing));
        StringAssert.Contains(e.Message, "gan.lapgan.levels");
        Assert.IsFalse(new GanOptions().ToMetadata().Keys.Any(k => k.Contains("lapgan", StringComparison.Ordinal)), "other kinds keep their metadata");
    }

    private static bool Same(Tensor a, Tensor b) => a.dtype == b.dtype && a.shape.SequenceEqual(b.shape) && a.allclose(b, rtol: 0, atol: 0);

    private static void AssertRefused(Action<GanOptions> change, string option)
    {
        var options = Options();
        change(options);
        var e = Assert.ThrowsExactly<ArgumentException>(options.Validate);
        StringAssert.Contains(e.Message, option);
    }
}
