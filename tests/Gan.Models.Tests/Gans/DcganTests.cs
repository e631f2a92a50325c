using Gan.Models.Gans;
using Gan.Models.Gans.Dcgan;
using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

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
        options.IsConditional ? tensor(values) : null;

    [TestMethod]
    public void EverySizeChannelCountAndKindHasTheRightShapes()
    {
        foreach (var kind in new[] { GanKind.Dcgan, GanKind.ConditionalDcgan })
        foreach (int channels in new[] { 1, 3 })
        foreach (int side in GanOptions.ConvolutionalImageSizes)
        {
            using var scope = NewDisposeScope();
            var options = Options(kind, channels, side);
            using var nets = GanNetworks.Create(options);
            Assert.IsInstanceOfType<DcganGenerator>(nets.Generator);
            Assert.IsInstanceOfType<DcganDiscriminator>(nets.Discriminator);
            var labels = Labels(options, 0, 2, 1);
            var z = nets.Generator.SampleNoise(3);
            var images = nets.Generator.call(z, labels);
            CollectionAssert.AreEqual(new long[] { 3, channels, side, side }, images.shape, $"{kind} {channels}×{side}");
            Assert.IsLessThanOrEqualTo(1f, images.abs().max().item<float>(), "tanh output");
            var logits = nets.Discriminator.call(images, labels);
            CollectionAssert.AreEqual(new long[] { 3 }, logits.shape, $"{kind} {channels}×{side}");
        }
    }

    [TestMethod]
    public void StateKeysFollowThePyTorchExample()
    {
        // The 64-px pair is the PyTorch DCGAN example's: ConvT/BN/ReLU ×4 + ConvT/Tanh; Conv/LReLU + (Conv/BN/LReLU) ×3 + Conv,
        // so G's output layer (main.12) and D's input layer (main.0, then main.1 = LeakyReLU) have no BatchNorm.
        using var nets = GanNetworks.Create(Options(GanKind.Dcgan, 3, 64));
        var generatorWeights = nets.Generator.state_dict().Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal));
        CollectionAssert.AreEqual(
            new[] { "main.0.weight", "main.1.weight", "main.3.weight", "main.4.weight", "main.6.weight", "main.7.weight",
                    "main.9.weight", "main.10.weight", "main.12.weight" },
            generatorWeights.ToArray());
        var discriminatorWeights = nets.Discriminator.state_dict().Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal));
        CollectionAssert.AreEqual(
            new[] { "main.0.weight", "main.2.weight", "main.3.weight", "main.5.weight", "main.6.weight", "main.8.weight",
                    "main.9.weight", "main.11.weight" },
            discriminatorWeights.ToArray());
        CollectionAssert.AreEqual(new long[] { 100, 8 * 4, 4, 4 }, nets.Generator.state_dict()["main.0.weight"].shape);
        CollectionAssert.AreEqual(new long[] { 1, 8 * 4, 4, 4 }, nets.Discriminator.state_dict()["main.11.weight"].shape);

        using var conditional = GanNetworks.Create(Options(GanKind.ConditionalDcgan, 1, 28));
        Assert.AreEqual("label_emb.weight", conditional.Generator.state_dict().Keys.First());
        Assert.AreEqual("label_emb.weight", conditional.Discriminator.state_dict().Keys.First());
        CollectionAssert.AreEqual(new long[] { 100 + 3, 16, 7, 7 }, conditional.Generator.state_dict()["main.0.weight"].shape);
        CollectionAssert.AreEqual(new long[] { 4, 1 + 3, 4, 4 }, conditional.Discriminator.state_dict()["main.0.weight"].shape);
    }

    [TestMethod]
    public void ParameterCountsMatchTheDocumentedLayouts()
    {
        // 64 px, RGB, ngf = ndf = 64 is the PyTorch DCGAN example (3,576,704 and 2,765,568 parameters); docs/gans.md lists all three.
        foreach (var (channels, side, generator, discriminator) in new[] { (3, 64, 3_576_704L, 2_765_568L), (3, 32, 1_068_928L, 663_296L), (1, 28, 1_682_304L, 440_320L) })
        {
            using var nets = GanNetworks.Create(Options(GanKind.Dcgan, channels, side, width: 64));
            Assert.AreEqual(generator, nets.Generator.parameters().Sum(p => p.numel()), $"G at {side} px");
            Assert.AreEqual(discriminator, nets.Discriminator.parameters().Sum(p => p.numel()), $"D at {side} px");
        }
    }

    [TestMethod]
    public void InitialisationFollowsRadfordEtAl()
    {
        using var scope = NewDisposeScope();
        using var nets = GanNetworks.Create(Options(GanKind.Dcgan, 3, 32, width: 64), seed: 3);
        foreach (nn.Module network in new nn.Module[] { nets.Generator, nets.Discriminator })
        {
            var convolutions = network.modules().OfType<Convolution>().ToList();
            Assert.IsNotEmpty(convolutions);
            var convWeights = cat(convolutions.Select(c => c.parameters().Single().flatten()).ToList(), 0);
            Assert.AreEqual(0.02, convWeights.std().item<float>(), 0.0005, "conv weights ~ N(0, 0.02)");
            Assert.AreEqual(0.0, convWeights.mean().item<float>(), 0.0005);
            var norms = network.modules().OfType<BatchNorm>().ToList();
            var scales = cat(norms.Select(n => (Tensor)n.weight).ToList(), 0);
            var shifts = cat(norms.Select(n => (Tensor)n.bias!).ToList(), 0);
            Assert.AreEqual(1.0, scales.mean().item<float>(), 0.005, "BatchNorm weight ~ N(1, 0.02)");
            Assert.AreEqual(0.02, scales.std().item<float>(), 0.004);
            Assert.AreEqual(0f, shifts.abs().max().item<float>(), "BatchNorm bias 0");
        }
    }

    [TestMethod]
    public void SameSeedGivesTheSameNetworks()
    {
        var options = Options(GanKind.ConditionalDcgan, 1, 28);
        using var a = GanNetworks.Create(options, seed: 5);
        using var b = GanNetworks.Create(options, seed: 5);
        using var c = GanNetworks.Create(options, seed: 6);
        using var scope = NewDisposeScope();
        foreach (var (first, second, other) in new[] { (a.Generator as nn.Module, b.Generator as nn.Module, c.Generator as nn.Module),
                                                       (a.Discriminator, b.Discriminator, c.Discriminator) })
        {
            var same = second.state_dict();
            var different = other.state_dict();
            foreach (var (key, value) in first.state_dict())
            {
                Assert.IsTrue(Same(value, same[key]), key);
                if (value.dtype == ScalarType.Float32 && value.std().item<float>() > 0) Assert.IsFalse(Same(value, different[key]), key);
            }
        }
    }

    [TestMethod]
    public void GradientsReachEveryParameter()
    {
        foreach (int side in GanOptions.ConvolutionalImageSizes)
        {
            using var scope = NewDisposeScope();
            var options = Options(GanKind.ConditionalDcgan, 3, side);
            using var nets = GanNetworks.Create(options, seed: 2);
            var labels = Labels(options, 0, 1, 2, 1);
            using var noise = new Generator(9);
            var z = nets.Generator.SampleNoise(4, noise);
            var realLogits = nets.Discriminator.call(rand(4, 3, side, side), labels);
            var fakeLogits = nets.Discriminator.call(nets.Generator.call(z, labels), labels);
            GanLosses.Discriminator(realLogits, fakeLogits).backward();
            foreach (var (name, parameter) in nets.Generator.named_parameters().Concat(nets.Discriminator.named_parameters()))
            {
                var grad = parameter.grad;
                Assert.IsNotNull(grad, $"{side} px: {name} has no gradient");
                Assert.IsGreaterThan(0f, grad.abs().sum().item<float>(), $"{side} px: {name} has a zero gradient");
            }
        }
    }

    [TestMethod]
    public void LabelsChangeBothNetworks()
    {
        using var scope = NewDisposeScope();
        var options = Options(GanKind.ConditionalDcgan, 1, 32);
        using var nets = GanNetworks.Create(options, seed: 4);
        nets.Generator.eval();
        nets.Discriminator.eval();
        using var noise = new Generator(1);
        var z = nets.Generator.SampleNoise(1, noise).expand(2, options.LatentSize);
        var images = nets.Generator.call(z, Labels(options, 0, 1));
        Assert.IsFalse(images[0].allclose(images[1]), "G ignores the label");
        var sameImage = images[0].unsqueeze(0).expand(2, 1, 32, 32);
        var logits = nets.Discriminator.call(sameImage, Labels(options, 0, 2)).CopyToArray<float>();
        Assert.AreNotEqual(logits[0], logits[1], "D ignores the label");
    }

    [TestMethod]
    public void OneTrainingStepChangesBothNetworks()
    {
        using var scope = NewDisposeScope();
        var options = Options(GanKind.Dcgan, 1, 28, width: 8);
        using var nets = GanNetworks.Create(options, seed: 11);
        using var dOptimizer = optim.Adam(nets.Discriminator.parameters(), options.DiscriminatorLearningRate, options.Beta1, options.Beta2);
        using var gOptimizer = optim.Adam(nets.Generator.parameters(), options.GeneratorLearningRate, options.Beta1, options.Beta2);
        var generatorBefore = Snapshot(nets.Generator);
        var discriminatorBefore = Snapshot(nets.Discriminator);
        using var random = new Generator(12);
        var real = rand([8, 1, 28, 28], generator: random).mul_(2).sub_(1);
        var fake = nets.Generator.call(nets.Generator.SampleNoise(8, random), null);

        var dLoss = GanLosses.Discriminator(nets.Discriminator.call(real, null), nets.Discriminator.call(fake.detach(), null));
        dLoss.backward();
        dOptimizer.step();
        Assert.IsTrue(Snapshot(nets.Generator).SequenceEqual(generatorBefore), "D's step must not touch G");
        nets.Generator.zero_grad();
        var gLoss = GanLosses.Generator(nets.Discriminator.call(fake, null), GanLoss.NonSaturating);
        gLoss.backward();
        gOptimizer.step();

        Assert.IsTrue(float.IsFinite(dLoss.item<float>()) && float.IsFinite(gLoss.item<float>()));
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

    private static float[] Snapshot(nn.Module network) =>
        network.parameters().SelectMany(p => p.CopyToArray<float>()).ToArray();

    private static bool Same(Tensor a, Tensor b) => a.dtype == b.dtype && a.shape.SequenceEqual(b.shape) && a.allclose(b, rtol: 0, atol: 0);
}
