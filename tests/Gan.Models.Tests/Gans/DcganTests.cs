using Gan.Models.Gans;
using Gan.Models.Gans.Dcgan;
using Gan.Torch;
using Gan.Torch.NN;
using Gan.Torch.Optim;

namespace Gan.Models.Tests.Gans;

[TestClass]
public sealed class DcganTests
{
    private static GanOptions Options(GanKind kind, int channels, int side, int width = 4) => new()
    {
        Kind = kind,
        SampleShape = [channels, side, side],
        ClassCount = kind == GanKind.ConditionalDcgan ? 3 : 0,
        GeneratorWidth = width,
        DiscriminatorWidth = width,
    };

    private static Tensor? Labels(GanOptions options, params long[] values) =>
        options.IsConditional ? Tensors.FromArray(values, values.Length) : null;

    [TestMethod]
    public void EverySizeChannelCountAndKindHasTheRightShapes()
    {
        foreach (var kind in new[] { GanKind.Dcgan, GanKind.ConditionalDcgan })
        foreach (int channels in new[] { 1, 3 })
        foreach (int side in GanOptions.ConvolutionalImageSizes)
        {
            using var scope = Tensors.NewDisposeScope();
            var options = Options(kind, channels, side);
            using var nets = GanNetworks.Create(options);
            Assert.IsInstanceOfType<DcganGenerator>(nets.Generator);
            Assert.IsInstanceOfType<DcganDiscriminator>(nets.Discriminator);
            var labels = Labels(options, 0, 2, 1);
            var z = nets.Generator.SampleNoise(3);
            var images = nets.Generator.Call(z, labels);
            CollectionAssert.AreEqual(new long[] { 3, channels, side, side }, images.Shape, $"{kind} {channels}×{side}");
            Assert.IsLessThanOrEqualTo(1f, images.Abs().Max().Item<float>(), "tanh output");
            var logits = nets.Discriminator.Call(images, labels);
            CollectionAssert.AreEqual(new long[] { 3 }, logits.Shape, $"{kind} {channels}×{side}");
        }
    }

    [TestMethod]
    public void StateKeysFollowThePyTorchExample()
    {
        // The 64-px pair is the PyTorch DCGAN example's: ConvT/BN/ReLU ×4 + ConvT/Tanh; Conv/LReLU + (Conv/BN/LReLU) ×3 + Conv,
        // so G's output layer (main.12) and D's input layer (main.0, then main.1 = LeakyReLU) have no BatchNorm.
        using var nets = GanNetworks.Create(Options(GanKind.Dcgan, 3, 64));
        var generatorWeights = nets.Generator.StateDict().Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal));
        CollectionAssert.AreEqual(
            new[] { "main.0.weight", "main.1.weight", "main.3.weight", "main.4.weight", "main.6.weight", "main.7.weight",
                    "main.9.weight", "main.10.weight", "main.12.weight" },
            generatorWeights.ToArray());
        var discriminatorWeights = nets.Discriminator.StateDict().Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal));
        CollectionAssert.AreEqual(
            new[] { "main.0.weight", "main.2.weight", "main.3.weight", "main.5.weight", "main.6.weight", "main.8.weight",
                    "main.9.weight", "main.11.weight" },
            discriminatorWeights.ToArray());
        CollectionAssert.AreEqual(new long[] { 100, 8 * 4, 4, 4 }, nets.Generator.StateDict()["main.0.weight"].Shape);
        CollectionAssert.AreEqual(new long[] { 1, 8 * 4, 4, 4 }, nets.Discriminator.StateDict()["main.11.weight"].Shape);

        using var conditional = GanNetworks.Create(Options(GanKind.ConditionalDcgan, 1, 28));
        Assert.AreEqual("label_emb.weight", conditional.Generator.StateDict().Keys.First());
        Assert.AreEqual("label_emb.weight", conditional.Discriminator.StateDict().Keys.First());
        CollectionAssert.AreEqual(new long[] { 100 + 3, 16, 7, 7 }, conditional.Generator.StateDict()["main.0.weight"].Shape);
        CollectionAssert.AreEqual(new long[] { 4, 1 + 3, 4, 4 }, conditional.Discriminator.StateDict()["main.0.weight"].Shape);
    }

    [TestMethod]
    public void ParameterCountsMatchTheDocumentedLayouts()
    {
        // 64 px, RGB, ngf = ndf = 64 is the PyTorch DCGAN example (3,576,704 and 2,765,568 parameters); docs/gans.md lists all three.
        foreach (var (channels, side, generator, discriminator) in new[] { (3, 64, 3_576_704L, 2_765_568L), (3, 32, 1_068_928L, 663_296L), (1, 28, 1_682_304L, 440_320L) })
        {
            using var nets = GanNetworks.Create(Options(GanKind.Dcgan, channels, side, width: 64));
            Assert.AreEqual(generator, nets.Generator.Parameters().Sum(p => p.NumberOfElements), $"G at {side} px");
            Assert.AreEqual(discriminator, nets.Discriminator.Parameters().Sum(p => p.NumberOfElements), $"D at {side} px");
        }
    }

    [TestMethod]
    public void InitialisationFollowsRadfordEtAl()
    {
        using var scope = Tensors.NewDisposeScope();
        using var nets = GanNetworks.Create(Options(GanKind.Dcgan, 3, 32, width: 64), seed: 3);
        foreach (Module network in new Module[] { nets.Generator, nets.Discriminator })
        {
            var convolutions = network.NamedModules().Select(m => m.Module).Where(m => m is Conv2d or ConvTranspose2d).ToList();
            Assert.IsNotEmpty(convolutions);
            var convWeights = Tensors.Cat(convolutions.Select(c => c.Parameters().Single().Flatten()).ToArray());
            Assert.AreEqual(0.02, convWeights.Std().Item<float>(), 0.0005, "conv weights ~ N(0, 0.02)");
            Assert.AreEqual(0.0, convWeights.Mean().Item<float>(), 0.0005);
            var norms = network.NamedModules().Select(m => m.Module).OfType<BatchNorm>().ToList();
            var scales = Tensors.Cat(norms.Select(n => n.Weight!).ToArray());
            var shifts = Tensors.Cat(norms.Select(n => n.Bias!).ToArray());
            Assert.AreEqual(1.0, scales.Mean().Item<float>(), 0.005, "BatchNorm weight ~ N(1, 0.02)");
            Assert.AreEqual(0.02, scales.Std().Item<float>(), 0.004);
            Assert.AreEqual(0f, shifts.Abs().Max().Item<float>(), "BatchNorm bias 0");
        }
    }

    [TestMethod]
    public void SameSeedGivesTheSameNetworks()
    {
        var options = Options(GanKind.ConditionalDcgan, 1, 28);
        using var a = GanNetworks.Create(options, seed: 5);
        using var b = GanNetworks.Create(options, seed: 5);
        using var c = GanNetworks.Create(options, seed: 6);
        foreach (var (first, second, other) in new[] { (a.Generator as Module, b.Generator as Module, c.Generator as Module),
                                                       (a.Discriminator, b.Discriminator, c.Discriminator) })
        {
            var same = second.StateDict();
            var different = other.StateDict();
            foreach (var (key, value) in first.StateDict())
            {
                Assert.IsTrue(value.ValueEquals(same[key]), key);
                if (value.DType == DType.Float32 && value.Std().Item<float>() > 0) Assert.IsFalse(value.ValueEquals(different[key]), key);
            }
        }
    }

    [TestMethod]
    public void GradientsReachEveryParameter()
    {
        foreach (int side in GanOptions.ConvolutionalImageSizes)
        {
            using var scope = Tensors.NewDisposeScope();
            var options = Options(GanKind.ConditionalDcgan, 3, side);
            using var nets = GanNetworks.Create(options, seed: 2);
            var labels = Labels(options, 0, 1, 2, 1);
            using var noise = new Generator(9);
            var z = nets.Generator.SampleNoise(4, noise);
            var realLogits = nets.Discriminator.Call(Tensors.Rand(4, 3, side, side), labels);
            var fakeLogits = nets.Discriminator.Call(nets.Generator.Call(z, labels), labels);
            GanLosses.Discriminator(realLogits, fakeLogits).Backward();
            foreach (var (name, parameter) in nets.Generator.NamedParameters().Concat(nets.Discriminator.NamedParameters()))
            {
                var grad = parameter.Grad;
                Assert.IsNotNull(grad, $"{side} px: {name} has no gradient");
                Assert.IsGreaterThan(0f, grad.Abs().Sum().Item<float>(), $"{side} px: {name} has a zero gradient");
            }
        }
    }

    [TestMethod]
    public void LabelsChangeBothNetworks()
    {
        using var scope = Tensors.NewDisposeScope();
        var options = Options(GanKind.ConditionalDcgan, 1, 32);
        using var nets = GanNetworks.Create(options, seed: 4);
        nets.Generator.Eval();
        nets.Discriminator.Eval();
        using var noise = new Generator(1);
        var z = nets.Generator.SampleNoise(1, noise).Expand(2, options.LatentSize);
        var images = nets.Generator.Call(z, Labels(options, 0, 1));
        Assert.IsFalse(images[0].AllClose(images[1]), "G ignores the label");
        var sameImage = images[0].Unsqueeze(0).Expand(2, 1, 32, 32);
        var logits = nets.Discriminator.Call(sameImage, Labels(options, 0, 2)).ToArray<float>();
        Assert.AreNotEqual(logits[0], logits[1], "D ignores the label");
    }

    [TestMethod]
    public void OneTrainingStepChangesBothNetworks()
    {
        using var scope = Tensors.NewDisposeScope();
        var options = Options(GanKind.Dcgan, 1, 28, width: 8);
        using var nets = GanNetworks.Create(options, seed: 11);
        using var dOptimizer = new Adam(nets.Discriminator.Parameters(), options.DiscriminatorLearningRate, options.Beta1, options.Beta2);
        using var gOptimizer = new Adam(nets.Generator.Parameters(), options.GeneratorLearningRate, options.Beta1, options.Beta2);
        var generatorBefore = Snapshot(nets.Generator);
        var discriminatorBefore = Snapshot(nets.Discriminator);
        using var random = new Generator(12);
        var real = Tensors.Rand([8, 1, 28, 28], generator: random).MulInPlace(2).SubInPlace(1);
        var fake = nets.Generator.Call(nets.Generator.SampleNoise(8, random), null);

        var dLoss = GanLosses.Discriminator(nets.Discriminator.Call(real, null), nets.Discriminator.Call(fake.Detach(), null));
        dLoss.Backward();
        dOptimizer.Step();
        Assert.IsTrue(Snapshot(nets.Generator).SequenceEqual(generatorBefore), "D's step must not touch G");
        gOptimizer.ZeroGrad();
        var gLoss = GanLosses.Generator(nets.Discriminator.Call(fake, null), GanLoss.NonSaturating);
        gLoss.Backward();
        gOptimizer.Step();

        Assert.IsTrue(float.IsFinite(dLoss.Item<float>()) && float.IsFinite(gLoss.Item<float>()));
        Assert.IsFalse(Snapshot(nets.Discriminator).SequenceEqual(discriminatorBefore), "D did not change");
        Assert.IsFalse(Snapshot(nets.Generator).SequenceEqual(generatorBefore), "G did not change");
    }

    [TestMethod]
    public void MlpOptionsAreRefused()
    {
        var options = new GanOptions { Kind = GanKind.Vanilla, SampleShape = [1, 28, 28] };
        using var init = new Generator(1);
        var error = Assert.ThrowsExactly<ArgumentException>(() => new DcganGenerator(options, init));
        StringAssert.Contains(error.Message, "not a DCGAN kind");
        Assert.ThrowsExactly<ArgumentException>(() => new DcganDiscriminator(options, init));
    }

    private static float[] Snapshot(Module network) =>
        network.Parameters().SelectMany(p => p.ToArray<float>()).ToArray();
}
