using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

[TestClass]
public sealed class InitTests
{
    private static (double Std, double MaxAbs, double Mean) Statistics(Tensor t)
    {
        var v = t.ToArray<float>();
        double mean = v.Average(x => (double)x);
        double std = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return (std, v.Max(x => Math.Abs((double)x)), mean);
    }

    [TestMethod]
    public void GainsAreTorchNNInits()
    {
        Assert.AreEqual(1.0, Init.CalculateGain(Nonlinearity.Linear));
        Assert.AreEqual(1.0, Init.CalculateGain(Nonlinearity.Sigmoid));
        Assert.AreEqual(5.0 / 3, Init.CalculateGain(Nonlinearity.Tanh), 1e-15);
        Assert.AreEqual(Math.Sqrt(2), Init.CalculateGain(Nonlinearity.Relu), 1e-15);
        Assert.AreEqual(Math.Sqrt(2 / 1.0001), Init.CalculateGain(Nonlinearity.LeakyRelu), 1e-15);
        Assert.AreEqual(Math.Sqrt(2 / 1.04), Init.CalculateGain(Nonlinearity.LeakyRelu, 0.2), 1e-15);
        Assert.AreEqual(0.75, Init.CalculateGain(Nonlinearity.Selu));
    }

    [TestMethod]
    public void FansCountTheReceptiveField()
    {
        using var scope = Tensors.NewDisposeScope();
        // PyTorch: _calculate_fan_in_and_fan_out(torch.empty(16, 4, 3, 3)) == (36, 144)
        Assert.AreEqual((36L, 144L), Init.CalculateFanInAndFanOut(Tensors.Empty([16, 4, 3, 3])));
        Assert.AreEqual((5L, 7L), Init.CalculateFanInAndFanOut(Tensors.Empty([7, 5])));
        Assert.ThrowsExactly<ArgumentException>(() => Init.CalculateFanInAndFanOut(Tensors.Empty([7])));
    }

    [TestMethod]
    public void KaimingUniformRespectsItsBound()
    {
        using var scope = Tensors.NewDisposeScope();
        using var g = new Generator(8);
        var w = Tensors.Empty([200, 1000]);
        Init.KaimingUniform(w, generator: g);
        // Samples are float32: the bound itself is rounded to float, so allow that one rounding step.
        double bound = Math.Sqrt(2) * Math.Sqrt(3.0 / 1000);
        var (std, maxAbs, _) = Statistics(w);
        Assert.IsTrue(maxAbs <= bound * (1 + 1e-6), $"{maxAbs} > {bound}");
        Assert.IsTrue(maxAbs > 0.999 * bound, "the samples fill the interval");
        Assert.AreEqual(bound / Math.Sqrt(3), std, 0.01 * bound);

        Init.KaimingUniform(w, a: 0.2, mode: FanMode.FanOut, nonlinearity: Nonlinearity.LeakyRelu, generator: g);
        double fanOutBound = Math.Sqrt(2 / 1.04) * Math.Sqrt(3.0 / 200);
        double m = Statistics(w).MaxAbs;
        Assert.IsTrue(m <= fanOutBound * (1 + 1e-6) && m > 0.999 * fanOutBound, $"max |w| {m} vs bound {fanOutBound}");
    }

    [TestMethod]
    public void KaimingNormalHasTheHeStandardDeviation()
    {
        using var scope = Tensors.NewDisposeScope();
        var w = Tensors.Empty([100, 50, 3, 3]);
        Init.KaimingNormal(w, nonlinearity: Nonlinearity.Relu);
        var (std, _, mean) = Statistics(w);
        double expected = Math.Sqrt(2.0 / 450);
        Assert.AreEqual(expected, std, 0.02 * expected);
        Assert.AreEqual(0, mean, 0.02 * expected);
    }

    [TestMethod]
    public void XavierMatchesGlorotAndBengio()
    {
        using var scope = Tensors.NewDisposeScope();
        var w = Tensors.Empty([300, 500]);
        Init.XavierUniform(w, gain: 2);
        double bound = 2 * Math.Sqrt(6.0 / 800);
        var (std, maxAbs, _) = Statistics(w);
        Assert.IsTrue(maxAbs <= bound && maxAbs > 0.999 * bound);
        Assert.AreEqual(bound / Math.Sqrt(3), std, 0.01 * bound);

        Init.XavierNormal(w);
        Assert.AreEqual(Math.Sqrt(2.0 / 800), Statistics(w).Std, 0.02 * Math.Sqrt(2.0 / 800));
    }

    [TestMethod]
    public void FillsWorkOnParametersWithoutRecordingGradients()
    {
        using var scope = Tensors.NewDisposeScope();
        using var p = new Parameter(Tensors.Empty([2, 3]));
        Init.Constant(p, 1.5);
        Assert.IsTrue(p.ToArray<float>().All(v => v == 1.5f));
        Init.Zeros(p);
        Assert.IsTrue(p.ToArray<float>().All(v => v == 0f));
        Init.Ones(p);
        Assert.IsTrue(p.ToArray<float>().All(v => v == 1f));
        Init.Uniform(p, 2, 3);
        Assert.IsTrue(p.ToArray<float>().All(v => v >= 2f && v < 3f));
        Assert.IsTrue(p.IsLeaf && p.RequiresGrad);
        Assert.AreSame(p, Init.Normal(p, 0, 0.1));
    }

    [TestMethod]
    public void AGeneratorMakesInitialisationReproducible()
    {
        using var scope = Tensors.NewDisposeScope();
        using var g1 = new Generator(3);
        using var g2 = new Generator(3);
        using var a = new Linear(5, 4);
        using var b = new Linear(5, 4);
        a.ResetParameters(g1);
        b.ResetParameters(g2);
        Assert.IsTrue(a.Weight.ValueEquals(b.Weight));
        Assert.IsTrue(a.Bias!.ValueEquals(b.Bias!));
    }

    [TestMethod]
    public void LayersStartWithPyTorchsDefaultInitialisation()
    {
        using var scope = Tensors.NewDisposeScope();
        using var linear = new Linear(400, 300);
        // Drawn again from a generator of its own: the statistics must not depend on other tests using the global one.
        using var generator = new Generator(11);
        linear.ResetParameters(generator);
        double bound = 1 / Math.Sqrt(400);
        Assert.IsTrue(Statistics(linear.Weight).MaxAbs is var w && w <= bound && w > 0.99 * bound);
        Assert.IsTrue(Statistics(linear.Bias!).MaxAbs is var b && b <= bound && b > 0.9 * bound);

        using var conv = new Conv2d(16, 32, 3);
        conv.ResetParameters(generator);
        double convBound = 1 / Math.Sqrt(16 * 9);
        Assert.IsTrue(Statistics(conv.Weight).MaxAbs is var c && c <= convBound && c > 0.99 * convBound);

        // PyTorch takes a transposed convolution's fan_in from weight.size(1): here 4 × 3 × 3 = 36, not 16 × 9.
        using var deconv = new ConvTranspose2d(16, 4, 3);
        deconv.ResetParameters(generator);
        double deconvBound = 1 / Math.Sqrt(36);
        Assert.IsTrue(Statistics(deconv.Weight).MaxAbs is var d && d <= deconvBound && d > 0.95 * deconvBound);
        Assert.IsTrue(Statistics(deconv.Bias!).MaxAbs <= deconvBound);

        using var embedding = new Embedding(100, 100);
        var (std, _, mean) = Statistics(embedding.Weight);
        Assert.AreEqual(1, std, 0.03);
        Assert.AreEqual(0, mean, 0.03);
    }

    [TestMethod]
    public void InvalidArgumentsAreRejected()
    {
        using var scope = Tensors.NewDisposeScope();
        var w = Tensors.Empty([2, 2]);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Init.Normal(w, 0, -1));
        Assert.ThrowsExactly<ArgumentException>(() => Init.Uniform(w, 1, 0));
        Assert.ThrowsExactly<ArgumentException>(() => Init.KaimingUniform(Tensors.Empty([3])));
    }
}
