using Gan.Torch;

namespace Gan.Torch.Tests.Ops;

/// <summary>
/// Random factories and fills: reproducibility from seeds and generator state, ranges, and sample statistics.
/// (Exact streams against PyTorch are in OpValueTests, cases "*_seed_*".)
/// </summary>
[TestClass]
public sealed class RandomTests
{
    private static double[] Sample(Func<Generator, Tensor> draw, ulong seed)
    {
        using var g = new Generator(seed);
        using var t = draw(g);
        using var d = t.To(DType.Float64);
        return d.ToArray<double>();
    }

    [TestMethod]
    public void SameSeedGivesSameStreamAndDifferentSeedDoesNot()
    {
        static Tensor Draw(Generator g) => Tensors.Randn([64], DType.Float64, generator: g);
        CollectionAssert.AreEqual(Sample(Draw, 11), Sample(Draw, 11));
        CollectionAssert.AreNotEqual(Sample(Draw, 11), Sample(Draw, 12));
    }

    [TestMethod]
    public void GeneratorStateReplaysTheStream()
    {
        using var scope = Tensors.NewDisposeScope();
        using var g = new Generator(5);
        Tensors.Rand([3], generator: g);
        var state = g.GetState();
        var first = Tensors.Rand([16], DType.Float64, generator: g).ToArray<double>();
        g.SetState(state);
        CollectionAssert.AreEqual(first, Tensors.Rand([16], DType.Float64, generator: g).ToArray<double>());
        g.ManualSeed(5);
        Assert.AreEqual(5UL, g.InitialSeed);
    }

    [TestMethod]
    [DoNotParallelize] // reseeds libtorch's default generator, which other tests may draw from
    public void ManualSeedMakesTheDefaultGeneratorReproducible()
    {
        using var scope = Tensors.NewDisposeScope();
        Tensors.ManualSeed(2024);
        var first = Tensors.Randn([8], DType.Float64).ToArray<double>();
        Tensors.ManualSeed(2024);
        CollectionAssert.AreEqual(first, Tensors.Randn([8], DType.Float64).ToArray<double>());
    }

    [TestMethod]
    public void NormalSamplesHaveTheRequestedMomentsAndDType()
    {
        using var scope = Tensors.NewDisposeScope();
        using var g = new Generator(1);
        var x = Tensors.Randn([20000], generator: g);
        Assert.AreEqual(DType.Float32, x.DType);
        Assert.AreEqual(0, x.Mean().Item<double>(), 0.03);
        Assert.AreEqual(1, x.Std().Item<double>(), 0.03);

        var y = Tensors.Empty([20000], DType.Float64).NormalInPlace(3, 0.5, g);
        Assert.AreEqual(3, y.Mean().Item<double>(), 0.015);
        Assert.AreEqual(0.5, y.Std().Item<double>(), 0.015);
    }

    [TestMethod]
    public void UniformSamplesStayInRangeWithTheRightMean()
    {
        var u = Sample(g => Tensors.Rand([20000], generator: g), 2);
        Assert.IsTrue(u.All(v => v >= 0 && v < 1));
        Assert.AreEqual(0.5, u.Average(), 0.01);

        var w = Sample(g => Tensors.Empty([20000], DType.Float64).UniformInPlace(-3, 1, g), 3);
        Assert.IsTrue(w.All(v => v >= -3 && v < 1));
        Assert.AreEqual(-1, w.Average(), 0.03);
    }

    [TestMethod]
    public void RandintCoversExactlyTheHalfOpenRange()
    {
        using var g = new Generator(4);
        using var t = Tensors.Randint(-2, 3, [5000], generator: g);
        Assert.AreEqual(DType.Int64, t.DType);
        CollectionAssert.AreEquivalent(new long[] { -2, -1, 0, 1, 2 }, t.ToArray<long>().Distinct().ToArray());
    }

    [TestMethod]
    public void RandpermIsAPermutation()
    {
        using var g = new Generator(6);
        using var t = Tensors.Randperm(50, generator: g);
        Assert.AreEqual(DType.Int64, t.DType);
        var values = t.ToArray<long>();
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 50).Select(i => (long)i).ToArray(), values);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 50).Select(i => (long)i).ToArray(), values);
    }

    [TestMethod]
    public void BernoulliGivesZerosAndOnesAtTheRequestedRate()
    {
        var b = Sample(g => Tensors.Empty([20000], DType.Float64).BernoulliInPlace(0.3, g), 8);
        Assert.IsTrue(b.All(v => v is 0 or 1));
        Assert.AreEqual(0.3, b.Average(), 0.015);
    }
}
