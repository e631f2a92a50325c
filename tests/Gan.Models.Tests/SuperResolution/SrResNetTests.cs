using Gan.Models.SuperResolution;
using Gan.Models.Tests.Torch;
using Gan.Models.Torch;
using static TorchSharp.torch;
using static Gan.Models.Tests.SuperResolution.SrTestData;

namespace Gan.Models.Tests.SuperResolution;

[TestClass]
public sealed class SrResNetTests
{
    [TestMethod]
    [DataRow(2, 3, false)]
    [DataRow(4, 3, false)]
    [DataRow(2, 1, true)]
    [DataRow(4, 3, true)]
    public void OutputIsScaleTimesTheInputOnEachSide(int scale, int channels, bool batchNorm)
    {
        using var network = SrResNet.Create(Tiny(scale, channels, batchNorm), seed: 1);
        using var input = RandomImages(2, channels, 10, 7, seed: 2);

        using var output = network.call(input);

        CollectionAssert.AreEqual(new long[] { 2, channels, 10 * scale, 7 * scale }, output.shape);
    }

    [TestMethod]
    public void TheDefaultsAreSrResNetWithoutBatchNormAndWithTheBicubicResidual()
    {
        var options = new SrResNetOptions();
        Assert.AreEqual((4, 16, 64, 3, false, 1.0, true),
            (options.Scale, options.BlockCount, options.Width, options.Channels, options.BatchNorm, options.ResidualScaling, options.BicubicResidual));
    }

    [TestMethod]
    public void BicubicResidualAddsTheBicubicUpsampleToTheConvolutionalOutput()
    {
        using var with = SrResNet.Create(Tiny(2), seed: 3);
        using var without = SrResNet.Create(Tiny(2, bicubicResidual: false), seed: 3);
        using var input = RandomImages(1, 3, 8, 8, seed: 4);
        using var scope = NewDisposeScope();

        var difference = with.call(input).sub(without.call(input));

        Assert.IsTrue(difference.allclose(AntialiasedBicubic.Upscale(input, 2), 1e-5, 1e-6));
    }

    [TestMethod]
    [DataRow(nameof(SrResNetOptions.Scale))]
    [DataRow(nameof(SrResNetOptions.BlockCount))]
    [DataRow(nameof(SrResNetOptions.Width))]
    [DataRow(nameof(SrResNetOptions.Channels))]
    [DataRow(nameof(SrResNetOptions.ResidualScaling))]
    public void InvalidOptionsAreRefusedNamingTheOption(string option)
    {
        var options = new SrResNetOptions();
        switch (option)
        {
            case nameof(SrResNetOptions.Scale): options.Scale = 3; break;
            case nameof(SrResNetOptions.BlockCount): options.BlockCount = 0; break;
            case nameof(SrResNetOptions.Width): options.Width = 0; break;
            case nameof(SrResNetOptions.Channels): options.Channels = 2; break;
            default: options.ResidualScaling = 0; break;
        }

        var error = Assert.ThrowsExactly<ArgumentException>(() => SrResNet.Create(options, seed: 1));

        Assert.AreEqual(option, error.ParamName);
        StringAssert.Contains(error.Message, option);
    }

    [TestMethod]
    public void AnInputWithTheWrongChannelCountIsRefused()
    {
        using var network = SrResNet.Create(Tiny(2), seed: 1);
        using var gray = RandomImages(1, 1, 8, 8, seed: 1);

        var error = Assert.ThrowsExactly<ArgumentException>(() => network.call(gray));

        StringAssert.Contains(error.Message, "[N, 3, H, W]");
    }

    [TestMethod]
    public void SavedNetworksLoadWithTheirOptionsAndGiveTheSameOutputBitForBit()
    {
        var options = Tiny(4, batchNorm: true);
        options.ResidualScaling = 0.5;
        using var network = SrResNet.Create(options, seed: 5);
        using var input = RandomImages(1, 3, 6, 6, seed: 6);
        network.eval();
        using var buffer = new MemoryStream();

        SrResNetSerialization.Save(network, buffer);
        buffer.Position = 0;
        using var loaded = SrResNetSerialization.Load(buffer);
        loaded.eval();

        Assert.AreEqual(options.ToMetadata().Count, loaded.Options.ToMetadata().Count);
        CollectionAssert.AreEquivalent(options.ToMetadata().ToList(), loaded.Options.ToMetadata().ToList());
        using var expected = network.call(input);
        using var actual = loaded.call(input);
        TensorAssert.AreIdentical(expected, actual, "output");
    }

    // The keys of the bundled files and of every network saved before the move to TorchSharp.
    [TestMethod]
    public void StateKeysKeepTheirNames()
    {
        using var plain = SrResNet.Create(Tiny(4), seed: 1);
        using var normalised = SrResNet.Create(Tiny(2, batchNorm: true), seed: 1);
        using var init = new Generator(1);
        using var discriminator = new SrganDiscriminator(3, 4, init);

        CollectionAssert.AreEquivalent(new[]
        {
            "head.weight", "head.bias", "head_act.weight",
            "blocks.0.conv1.weight", "blocks.0.conv1.bias", "blocks.0.activation.weight", "blocks.0.conv2.weight", "blocks.0.conv2.bias",
            "blocks.1.conv1.weight", "blocks.1.conv1.bias", "blocks.1.activation.weight", "blocks.1.conv2.weight", "blocks.1.conv2.bias",
            "trunk_conv.weight", "trunk_conv.bias", "upsampler.0.weight", "upsampler.0.bias", "upsampler.2.weight",
            "upsampler.3.weight", "upsampler.3.bias", "upsampler.5.weight", "tail.weight", "tail.bias",
        }, plain.state_dict().Keys.ToArray());
        var withNorm = normalised.state_dict().Keys.ToHashSet();
        foreach (string key in new[] { "blocks.1.norm1.running_mean", "blocks.1.norm2.num_batches_tracked", "trunk_norm.running_var", "trunk_norm.weight" })
            Assert.Contains(key, withNorm);
        Assert.DoesNotContain("blocks.0.conv1.bias", withNorm);
        var discriminatorKeys = discriminator.state_dict().Keys.ToHashSet();
        foreach (string key in new[] { "features.0.0.weight", "features.0.0.bias", "features.7.1.running_var", "classifier.1.weight", "classifier.3.bias" })
            Assert.Contains(key, discriminatorKeys);
    }

    [TestMethod]
    [DataRow(3, 9, 4, true, false)]
    [DataRow(1, 5, 0, false, false)]
    [DataRow(3, 9, 4, true, true)]
    public void TheColumnSplitConvolutionEqualsThePlainOne(int outputs, int kernel, int padding, bool bias, bool channelsLast)
    {
        using var scope = NewDisposeScope();
        var input = RandomImages(2, 8, 13, 11, seed: 1);
        var weight = RandomImages(outputs, 8, kernel, kernel, seed: 2).sub(0.5);
        var b = bias ? RandomImages(1, 1, 1, outputs, seed: 3).flatten() : null;
        if (channelsLast) (input, weight) = (input.ToChannelsLast(), weight.ToChannelsLast());

        var split = ColumnSplitConvolution.Conv2d(input, weight, b, (padding, padding));

        Assert.IsTrue(ColumnSplitConvolution.Suits(input, weight));
        var plain = nn.functional.conv2d(input, weight, b, padding: [padding, padding]);
        CollectionAssert.AreEqual(plain.shape, split.shape);
        Assert.IsLessThan(1e-5, split.sub(plain).abs().max().item<float>());
    }

    [TestMethod]
    public void InferenceGivesTheTrainingForwardsOutput()
    {
        using var network = SrResNet.Create(Tiny(4), seed: 1);
        using var input = RandomImages(2, 3, 9, 10, seed: 2);
        network.eval();
        using var scope = NewDisposeScope();

        var withGradients = network.call(input);
        Tensor inference;
        using (inference_mode()) inference = network.call(input);

        Assert.IsLessThan(1e-5, inference.sub(withGradients).abs().max().item<float>());
    }

    [TestMethod]
    public void AFileNamingAnotherKindIsAFormatError()
    {
        var metadata = new SrResNetOptions().ToMetadata().ToDictionary();
        metadata["srresnet.kind"] = "System.IO.File";

        var error = Assert.ThrowsExactly<FormatException>(() => SrResNetOptions.FromMetadata(metadata));

        StringAssert.Contains(error.Message, "srresnet.kind");
    }

    [TestMethod]
    public void TheDiscriminatorGivesOneLogitPerImageOfAnySizeFrom16()
    {
        using var init = new Generator(1);
        using var discriminator = new SrganDiscriminator(3, 4, init);
        using var images = RandomImages(3, 3, 24, 24, seed: 2);
        using var other = RandomImages(2, 3, 40, 32, seed: 2);
        using var wrong = RandomImages(3, 3, 12, 20, seed: 2);
        using var scope = NewDisposeScope();

        CollectionAssert.AreEqual(new long[] { 3 }, discriminator.call(images).shape);
        CollectionAssert.AreEqual(new long[] { 2 }, discriminator.call(other).shape);
        Assert.HasCount(4, discriminator.Features(images));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => discriminator.call(wrong)).Message, "at least 16");
    }

    [TestMethod]
    public void TheSrganGeneratorLossIsContentPlusOneThousandthOfTheNonSaturatingLoss()
    {
        using var scope = NewDisposeScope();
        var content = tensor(0.25f);
        var logits = tensor(new[] { 0.5f, -1.0f });
        double adversarial = (Math.Log(1 + Math.Exp(-0.5)) + Math.Log(1 + Math.Exp(1.0))) / 2;

        double loss = SrLosses.Generator(content, logits).item<float>();

        Assert.AreEqual(0.25 + 1e-3 * adversarial, loss, 1e-6);
    }

    [TestMethod]
    public void DiscriminatorFeatureContentAddsTheFeatureDistanceToThePixelLoss()
    {
        using var init = new Generator(1);
        using var discriminator = new SrganDiscriminator(3, 4, init);
        using var a = RandomImages(2, 3, 16, 16, seed: 3);
        using var b = RandomImages(2, 3, 16, 16, seed: 4);
        using var scope = NewDisposeScope();

        double pixel = SrLosses.Content(a, b, PixelLoss.L1, ContentLoss.Pixel, null).item<float>();
        double features = SrLosses.Content(a, b, PixelLoss.L1, ContentLoss.DiscriminatorFeatures, discriminator).item<float>();
        double same = SrLosses.Content(a, a, PixelLoss.Mse, ContentLoss.DiscriminatorFeatures, discriminator).item<float>();

        Assert.AreEqual(nn.functional.l1_loss(a, b).item<float>(), pixel, 1e-7);
        Assert.IsGreaterThan(pixel, features);
        Assert.AreEqual(0, same, 1e-12);
    }
}
