using Gan.Models.Gans;
using Gan.Models.Gans.Mlp;
using Gan.Torch;

namespace Gan.Models.Tests.Gans;

[TestClass]
public sealed class MlpGanTests
{
    [TestMethod]
    public void VanillaGeneratorAndDiscriminatorShapes()
    {
        using var nets = GanNetworks.Create(new GanOptions { Kind = GanKind.Vanilla, SampleShape = [1, 28, 28], GeneratorWidth = 8, DiscriminatorWidth = 8 });
        using var z = nets.Generator.SampleNoise(5);
        using var x = nets.Generator.Call(z, null);
        CollectionAssert.AreEqual(new long[] { 5, 1, 28, 28 }, x.Shape);
        using var logits = nets.Discriminator.Call(x, null);
        CollectionAssert.AreEqual(new long[] { 5 }, logits.Shape);
        Assert.IsInstanceOfType<MlpGenerator>(nets.Generator);
    }

    [TestMethod]
    public void ConditionalVectorGanShapes()
    {
        using var nets = GanNetworks.Create(new GanOptions { Kind = GanKind.Conditional, SampleShape = [7], ClassCount = 3, GeneratorWidth = 8, DiscriminatorWidth = 8 });
        using var labels = Tensors.FromArray(new long[] { 0, 2, 1, 1 }, 4);
        using var x = nets.Generator.Sample(4, labels);
        CollectionAssert.AreEqual(new long[] { 4, 7 }, x.Shape);
        using var logits = nets.Discriminator.Call(x, labels);
        CollectionAssert.AreEqual(new long[] { 4 }, logits.Shape);
        Assert.IsTrue(x.Abs().Max().Item<float>() <= 1f, "tanh output");
    }

    [TestMethod]
    public void SameSeedSameWeightsDifferentSeedDifferentWeights()
    {
        var options = new GanOptions { Kind = GanKind.Vanilla, SampleShape = [6], GeneratorWidth = 4, DiscriminatorWidth = 4 };
        using var a = GanNetworks.Create(options, seed: 7);
        using var b = GanNetworks.Create(options, seed: 7);
        using var c = GanNetworks.Create(options, seed: 8);
        var wa = a.Generator.Parameters().First().ToArray<float>();
        CollectionAssert.AreEqual(wa, b.Generator.Parameters().First().ToArray<float>());
        CollectionAssert.AreNotEqual(wa, c.Generator.Parameters().First().ToArray<float>());
    }

    [TestMethod]
    public void LabelsAreCheckedAgainstTheKind()
    {
        using var cgan = GanNetworks.Create(new GanOptions { Kind = GanKind.Conditional, SampleShape = [3], ClassCount = 2, GeneratorWidth = 4, DiscriminatorWidth = 4 });
        using var z = cgan.Generator.SampleNoise(2);
        var missing = Assert.ThrowsExactly<ArgumentException>(() => cgan.Generator.Call(z, null));
        StringAssert.Contains(missing.Message, "labels");
        using var outOfRange = Tensors.FromArray(new long[] { 0, 2 }, 2);
        var range = Assert.ThrowsExactly<ArgumentException>(() => cgan.Generator.Call(z, outOfRange));
        StringAssert.Contains(range.Message, "[0, 2)");
    }
}
