using Gan.Models.SuperResolution;
using Gan.Torch;
using Gan.Torch.NN;
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

        using var output = network.Call(input);

        CollectionAssert.AreEqual(new long[] { 2, channels, 10 * scale, 7 * scale }, output.Shape.ToArray());
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
        using var scope = Tensors.NewDisposeScope();

        var difference = with.Call(input).Sub(without.Call(input));

        Assert.IsTrue(difference.AllClose(AntialiasedBicubic.Upscale(input, 2), 1e-5, 1e-6));
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

        var error = Assert.ThrowsExactly<ArgumentException>(() => network.Call(gray));

        StringAssert.Contains(error.Message, "[N, 3, H, W]");
    }

    [TestMethod]
    public void SavedNetworksLoadWithTheirOptionsAndGiveTheSameOutputBitForBit()
    {
        var options = Tiny(4, batchNorm: true);
        options.ResidualScaling = 0.5;
        using var network = SrResNet.Create(options, seed: 5);
        using var input = RandomImages(1, 3, 6, 6, seed: 6);
        network.Eval();
        using var buffer = new MemoryStream();

        SrResNetSerialization.Save(network, buffer);
        buffer.Position = 0;
        using var loaded = SrResNetSerialization.Load(buffer);
        loaded.Eval();

        Assert.AreEqual(options.ToMetadata().Count, loaded.Options.ToMetadata().Count);
        CollectionAssert.AreEquivalent(options.ToMetadata().ToList(), loaded.Options.ToMetadata().ToList());
        using var expected = network.Call(input);
        using var actual = loaded.Call(input);
        Assert.IsTrue(actual.ValueEquals(expected));
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
        using var scope = Tensors.NewDisposeScope();

        CollectionAssert.AreEqual(new long[] { 3 }, discriminator.Call(images).Shape.ToArray());
        CollectionAssert.AreEqual(new long[] { 2 }, discriminator.Call(other).Shape.ToArray());
        Assert.HasCount(4, discriminator.Features(images));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => discriminator.Call(wrong)).Message, "at least 16");
    }

    [TestMethod]
    public void TheSrganGeneratorLossIsContentPlusOneThousandthOfTheNonSaturatingLoss()
    {
        using var scope = Tensors.NewDisposeScope();
        var content = Tensors.FromArray([0.25f]).Reshape([]);
        var logits = Tensors.FromArray([0.5f, -1.0f]);
        double adversarial = (Math.Log(1 + Math.Exp(-0.5)) + Math.Log(1 + Math.Exp(1.0))) / 2;

        double loss = SrLosses.Generator(content, logits).Item<double>();

        Assert.AreEqual(0.25 + 1e-3 * adversarial, loss, 1e-6);
    }

    [TestMethod]
    public void DiscriminatorFeatureContentAddsTheFeatureDistanceToThePixelLoss()
    {
        using var init = new Generator(1);
        using var discriminator = new SrganDiscriminator(3, 4, init);
        using var a = RandomImages(2, 3, 16, 16, seed: 3);
        using var b = RandomImages(2, 3, 16, 16, seed: 4);
        using var scope = Tensors.NewDisposeScope();

        double pixel = SrLosses.Content(a, b, PixelLoss.L1, ContentLoss.Pixel, null).Item<double>();
        double features = SrLosses.Content(a, b, PixelLoss.L1, ContentLoss.DiscriminatorFeatures, discriminator).Item<double>();
        double same = SrLosses.Content(a, a, PixelLoss.Mse, ContentLoss.DiscriminatorFeatures, discriminator).Item<double>();

        Assert.AreEqual(Functional.L1Loss(a, b).Item<double>(), pixel, 1e-7);
        Assert.IsGreaterThan(pixel, features);
        Assert.AreEqual(0, same, 1e-12);
    }
}
