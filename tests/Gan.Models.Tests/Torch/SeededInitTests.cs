using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary><see cref="SeededInit"/>: PyTorch's formulas, drawn from the generator given, in PyTorch's module order.</summary>
[TestClass]
public sealed class SeededInitTests
{
    private static (double Std, double MaxAbs, double Mean) Statistics(Tensor t)
    {
        var v = t.CopyToArray<float>();
        double mean = v.Average(x => (double)x);
        double std = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return (std, v.Max(x => Math.Abs((double)x)), mean);
    }

    [TestMethod]
    public void ResetParametersReproducesPyTorchsInitialisationValueForValue()
    {
        // make_pytorch_fixtures.py: torch.manual_seed(0), then reset_parameters() of every module in modules() order.
        using var expected = SafeTensors.Load(PyTorchInteropTests.Fixture("network_reset_seed0.safetensors"));
        using var network = new MirrorNetwork();
        using var generator = new Generator(0);

        SeededInit.ResetParameters(network, generator);

        var state = network.state_dict();
        CollectionAssert.AreEquivalent(expected.Tensors.Keys.ToArray(), state.Keys.ToArray());
        foreach (var (key, value) in expected.Tensors) TensorAssert.AreIdentical(value, state[key], key);
    }

    [TestMethod]
    public void TheSameSeedGivesTheSameWeightsAndAnotherSeedOthers()
    {
        using var a = new MirrorNetwork();
        using var b = new MirrorNetwork();
        using var c = new MirrorNetwork();
        using (var g = new Generator(3)) SeededInit.ResetParameters(a, g);
        using (var g = new Generator(3)) SeededInit.ResetParameters(b, g);
        using (var g = new Generator(4)) SeededInit.ResetParameters(c, g);
        foreach (var ((name, pa), pb, pc) in a.named_parameters().Zip(b.parameters(), c.parameters()))
        {
            TensorAssert.AreIdentical(pa, pb, name);
            bool drawn = !name.StartsWith("body.1.", StringComparison.Ordinal); // BatchNorm starts at 1 and 0 whatever the seed
            Assert.AreEqual(drawn, !TensorAssert.Identical(pa, pc), $"{name} under seeds 3 and 4");
        }
    }

    [TestMethod]
    [DoNotParallelize] // draws from the process-wide default generator to prove it is left alone
    public void ResetParametersLeavesTheGlobalGeneratorAlone()
    {
        using var network = new MirrorNetwork();
        using var state = random.get_rng_state();
        using var expected = rand(4);
        random.set_rng_state(state);
        using (var g = new Generator(9)) SeededInit.ResetParameters(network, g);
        using var actual = rand(4);
        TensorAssert.AreIdentical(expected, actual, "the next global draw");
    }

    [TestMethod]
    public void LayersGetPyTorchsDefaultBounds()
    {
        using var generator = new Generator(11);
        using var linear = nn.Linear(400, 300);
        SeededInit.ResetParameters(linear, generator);
        double bound = 1 / Math.Sqrt(400);
        AssertFills(linear.weight!, bound, 0.99, "Linear weight: kaiming_uniform(a=√5) gives 1/√fan_in");
        AssertFills(linear.bias!, bound, 0.9, "Linear bias");

        using var conv = nn.Conv2d(16, 32, 3);
        SeededInit.ResetParameters(conv, generator);
        AssertFills(conv.weight!, 1 / Math.Sqrt(16 * 9), 0.99, "Conv2d weight");

        // PyTorch takes a transposed convolution's fan_in from weight.size(1): here 4 × 3 × 3 = 36, not 16 × 9.
        using var deconv = nn.ConvTranspose2d(16, 4, 3);
        SeededInit.ResetParameters(deconv, generator);
        AssertFills(deconv.weight!, 1 / Math.Sqrt(36), 0.95, "ConvTranspose2d weight");
        AssertFills(deconv.bias!, 1 / Math.Sqrt(36), 0.5, "ConvTranspose2d bias");

        using var embedding = nn.Embedding(100, 100);
        SeededInit.ResetParameters(embedding, generator);
        var (std, _, mean) = Statistics(embedding.weight!);
        Assert.AreEqual(1, std, 0.03, "Embedding: N(0, 1)");
        Assert.AreEqual(0, mean, 0.03);
    }

    [TestMethod]
    public void BatchNormGetsFreshScaleShiftAndRunningStatistics()
    {
        using var norm = nn.BatchNorm1d(3);
        using (var scope = NewDisposeScope())
        {
            norm.call(randn(8, 3) * 5 + 2);
            using (no_grad()) norm.weight!.mul_(3);
        }
        using var generator = new Generator(1);
        SeededInit.ResetParameters(norm, generator);
        CollectionAssert.AreEqual(new[] { 1f, 1f, 1f }, norm.weight!.CopyToArray<float>());
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f }, norm.bias!.CopyToArray<float>());
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f }, norm.running_mean!.CopyToArray<float>());
        CollectionAssert.AreEqual(new[] { 1f, 1f, 1f }, norm.running_var!.CopyToArray<float>());
        Assert.AreEqual(0L, norm.num_batches_tracked!.item<long>());
    }

    [TestMethod]
    public void OtherLayersKeepWhatTheyHave()
    {
        using var prelu = nn.PReLU(1, 0.1);
        using var generator = new Generator(1);
        using var network = nn.Sequential(prelu);
        SeededInit.ResetParameters(network, generator);
        CollectionAssert.AreEqual(new[] { 0.1f }, prelu.weight!.CopyToArray<float>());
    }

    [TestMethod]
    public void FillsDrawFromTheirGeneratorWithoutRecordingGradients()
    {
        using var p = new Parameter(empty(2, 3));
        using var g1 = new Generator(5);
        using var g2 = new Generator(5);
        Assert.AreSame(p, SeededInit.Uniform(p, 2, 3, g1));
        Assert.IsTrue(p.CopyToArray<float>().All(v => v is >= 2f and < 3f));
        Assert.IsTrue(p.is_leaf && p.requires_grad);
        using var q = empty(2, 3);
        SeededInit.Uniform(q, 2, 3, g2);
        TensorAssert.AreIdentical(p.detach(), q, "the same seed draws the same");

        Assert.AreSame(p, SeededInit.Normal(p, 0, 0.1, g1));
        Assert.IsTrue(p.is_leaf);
    }

    [TestMethod]
    public void NormalHasTheMeanAndStandardDeviationAsked()
    {
        using var generator = new Generator(5);
        using var t = empty(20_000);
        SeededInit.Normal(t, 5, 2, generator);
        var (std, _, mean) = Statistics(t);
        Assert.AreEqual(5.0, mean, 0.05);
        Assert.AreEqual(2.0, std, 0.05);
    }

    [TestMethod]
    public void InvalidArgumentsAreRejected()
    {
        using var w = empty(2, 2);
        using var generator = new Generator(1);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SeededInit.Normal(w, 0, -1, generator));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SeededInit.Normal(w, 0, double.NaN, generator));
        Assert.ThrowsExactly<ArgumentException>(() => SeededInit.Uniform(w, 1, 0, generator));
        Assert.ThrowsExactly<ArgumentException>(() => SeededInit.Uniform(w, double.NaN, 1, generator));
    }

    // Every sample lies within ±bound (with float32's rounding of the bound itself) and the largest reaches fill × bound.
    private static void AssertFills(Tensor t, double bound, double fill, string what)
    {
        double maxAbs = Statistics(t).MaxAbs;
        Assert.IsTrue(maxAbs <= bound * (1 + 1e-6) && maxAbs > fill * bound, $"{what}: max |w| {maxAbs}, bound {bound}");
    }
}
