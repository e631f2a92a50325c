using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

[TestClass]
public sealed class RandomnessTests
{
    [TestMethod]
    public void AGeneratorReproducesItsSequenceFromItsSeed()
    {
        using var g1 = new Generator(2024);
        using var g2 = new Generator(2024);
        using var a = Tensors.Randn([5], generator: g1);
        using var b = Tensors.Randn([5], generator: g2);
        using var c = Tensors.Randn([5], generator: g1);
        CollectionAssert.AreEqual(a.ToArray<float>(), b.ToArray<float>());
        CollectionAssert.AreNotEqual(a.ToArray<float>(), c.ToArray<float>());
        Assert.AreEqual(2024UL, g1.InitialSeed);
    }

    [TestMethod]
    public void SavedGeneratorStateResumesTheExactSequence()
    {
        using var g = new Generator(7);
        using (Tensors.Rand([10], generator: g)) { }
        using var state = g.GetState();
        using var expected = Tensors.Randint(0, 1000, [8], generator: g);
        using var expectedNormal = Tensors.Randn([3], DType.Float64, generator: g);

        using var restored = new Generator(99);
        restored.SetState(state);
        using var actual = Tensors.Randint(0, 1000, [8], generator: restored);
        using var actualNormal = Tensors.Randn([3], DType.Float64, generator: restored);
        CollectionAssert.AreEqual(expected.ToArray<long>(), actual.ToArray<long>());
        CollectionAssert.AreEqual(expectedNormal.ToArray<double>(), actualNormal.ToArray<double>());
    }

    [TestMethod]
    [DoNotParallelize] // the default generator is process-wide
    public void ManualSeedMakesTheDefaultGeneratorReproducible()
    {
        Tensors.ManualSeed(11);
        using var a = Tensors.Randn(4);
        using var p = Tensors.Randperm(6);
        Tensors.ManualSeed(11);
        using var b = Tensors.Randn(4);
        using var q = Tensors.Randperm(6);
        CollectionAssert.AreEqual(a.ToArray<float>(), b.ToArray<float>());
        CollectionAssert.AreEqual(p.ToArray<long>(), q.ToArray<long>());
        CollectionAssert.AreEquivalent(new long[] { 0, 1, 2, 3, 4, 5 }, p.ToArray<long>());
    }

    [TestMethod]
    public void RandomFactoriesHonourTheirRanges()
    {
        using var g = new Generator(5);
        using var u = Tensors.Rand([10_000], generator: g);
        using var n = Tensors.Randn([10_000], DType.Float64, generator: g);
        using var i = Tensors.Randint(-3, 4, [10_000], generator: g);
        Assert.IsTrue(u.Min().Item<float>() >= 0f && u.Max().Item<float>() < 1f);
        Assert.AreEqual(0.5, u.Mean().Item<double>(), 0.02);
        Assert.AreEqual(0.0, n.Mean().Item<double>(), 0.05);
        Assert.AreEqual(1.0, n.Std().Item<double>(), 0.05);
        Assert.AreEqual(-3L, i.Min().Item<long>());
        Assert.AreEqual(3L, i.Max().Item<long>());
        using var filled = Tensors.Empty([10_000]).NormalInPlace(5, 2, g);
        Assert.AreEqual(5.0, filled.Mean().Item<double>(), 0.1);
        Assert.AreEqual(2.0, filled.Std().Item<double>(), 0.1);
    }
}
