using Gan.Models.Gans;
using Gan.Models.Gans.Mlp;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Gans;

[TestClass]
public sealed class MlpGanTests
{
    [TestMethod]
    public void VanillaGeneratorAndDiscriminatorShapes()
    {
        using var nets = GanNetworks.Create(new GanOptions { Kind = GanKind.Vanilla, SampleShape = [1, 28, 28], GeneratorWidth = 8, DiscriminatorWidth = 8 });
        using var z = nets.Generator.SampleNoise(5);
        using var x = nets.Generator.call(z, null);
        CollectionAssert.AreEqual(new long[] { 5, 1, 28, 28 }, x.shape);
        using var logits = nets.Discriminator.call(x, null);
        CollectionAssert.AreEqual(new long[] { 5 }, logits.shape);
        Assert.IsInstanceOfType<MlpGenerator>(nets.Generator);
    }

    [TestMethod]
    public void ConditionalVectorGanShapes()
    {
        using var nets = GanNetworks.Create(new GanOptions { Kind = GanKind.Conditional, SampleShape = [7], ClassCount = 3, GeneratorWidth = 8, DiscriminatorWidth = 8 });
        using var scope = NewDisposeScope();
        using var labels = tensor(new long[] { 0, 2, 1, 1 });
        using var x = nets.Generator.Sample(4, labels);
        CollectionAssert.AreEqual(new long[] { 4, 7 }, x.shape);
        using var logits = nets.Discriminator.call(x, labels);
        CollectionAssert.AreEqual(new long[] { 4 }, logits.shape);
        Assert.IsTrue(x.abs().max().item<float>() <= 1f, "tanh output");
    }

    [TestMethod]
    public void StateKeysAreThoseOfTheGeneratorsSavedBeforeTorchSharp()
    {
        // Generator files written by GanGenerate keep loading: G is Linear/LeakyReLU, then (Linear/BN/LeakyReLU) ×3, Linear/Tanh;
        // the conditional D is Linear/LeakyReLU, (Linear/Dropout/LeakyReLU) ×2, Linear.
        using var nets = GanNetworks.Create(new GanOptions { Kind = GanKind.Conditional, SampleShape = [7], ClassCount = 3, GeneratorWidth = 8, DiscriminatorWidth = 8 });
        CollectionAssert.AreEqual(
            new[] { "labelEmb.weight", "model.0.weight", "model.2.weight", "model.3.weight", "model.5.weight", "model.6.weight",
                    "model.8.weight", "model.9.weight", "model.11.weight" },
            nets.Generator.state_dict().Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal)).ToArray());
        CollectionAssert.IsSubsetOf(new[] { "model.3.running_mean", "model.3.running_var", "model.11.bias" }, nets.Generator.state_dict().Keys.ToArray());
        CollectionAssert.AreEqual(
            new[] { "labelEmbedding.weight", "model.0.weight", "model.2.weight", "model.5.weight", "model.8.weight" },
            nets.Discriminator.state_dict().Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal)).ToArray());
    }

    [TestMethod]
    public void SameSeedSameWeightsDifferentSeedDifferentWeights()
    {
        var options = new GanOptions { Kind = GanKind.Vanilla, SampleShape = [6], GeneratorWidth = 4, DiscriminatorWidth = 4 };
        using var a = GanNetworks.Create(options, seed: 7);
        using var b = GanNetworks.Create(options, seed: 7);
        using var c = GanNetworks.Create(options, seed: 8);
        var wa = a.Generator.parameters().First().CopyToArray<float>();
        CollectionAssert.AreEqual(wa, b.Generator.parameters().First().CopyToArray<float>());
        CollectionAssert.AreNotEqual(wa, c.Generator.parameters().First().CopyToArray<float>());
    }

    [TestMethod]
    public void LabelsAreCheckedAgainstTheKind()
    {
        using var cgan = GanNetworks.Create(new GanOptions { Kind = GanKind.Conditional, SampleShape = [3], ClassCount = 2, GeneratorWidth = 4, DiscriminatorWidth = 4 });
        using var z = cgan.Generator.SampleNoise(2);
        var missing = Assert.ThrowsExactly<ArgumentException>(() => cgan.Generator.call(z, null));
        StringAssert.Contains(missing.Message, "labels");
        using var outOfRange = tensor(new long[] { 0, 2 });
        var range = Assert.ThrowsExactly<ArgumentException>(() => cgan.Generator.call(z, outOfRange));
        StringAssert.Contains(range.Message, "[0, 2)");
    }
}
