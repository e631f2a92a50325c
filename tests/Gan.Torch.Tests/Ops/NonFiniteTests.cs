using Gan.Torch;

namespace Gan.Torch.Tests.Ops;

/// <summary>NaN and infinity (JSON fixtures cannot carry them): detection, production, and propagation as in PyTorch.</summary>
[TestClass]
public sealed class NonFiniteTests
{
    private static Tensor Values() => Tensors.FromArray(new[] { double.NaN, 1.0, double.PositiveInfinity, double.NegativeInfinity, -0.0 });

    [TestMethod]
    public void IsNaNAndIsInfFlagExactlyTheirValues()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Values();
        Assert.AreEqual(DType.Bool, x.IsNaN().DType);
        CollectionAssert.AreEqual(new[] { true, false, false, false, false }, x.IsNaN().ToArray<bool>());
        CollectionAssert.AreEqual(new[] { false, false, true, true, false }, x.IsInf().ToArray<bool>());
    }

    [TestMethod]
    public void OutOfDomainMathGivesNaNAndInfinity()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.FromArray(new[] { -1.0, 0.0, -0.0 });
        var log = x.Log().ToArray<double>();
        Assert.IsTrue(double.IsNaN(log[0]));
        Assert.AreEqual(double.NegativeInfinity, log[1]);
        Assert.IsTrue(double.IsNaN(x.Sqrt().ToArray<double>()[0]));
        CollectionAssert.AreEqual(new[] { -1.0, double.PositiveInfinity, double.NegativeInfinity }, x.Reciprocal().ToArray<double>());
        var ints = Tensors.FromArray(new[] { 1L, 0L, -1L }).Div(Tensors.FromArray(new[] { 0L, 0L, 0L })).ToArray<float>();
        Assert.AreEqual(float.PositiveInfinity, ints[0], "int true division by zero is float");
        Assert.IsTrue(float.IsNaN(ints[1]));
        Assert.AreEqual(float.NegativeInfinity, ints[2]);
    }

    [TestMethod]
    public void NaNPropagatesThroughComparisonsAndReductions()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Values();
        Assert.IsTrue(double.IsNaN(x.Max().Item<double>()), "max propagates NaN");
        Assert.IsTrue(double.IsNaN(x.Sum().Item<double>()));
        Assert.IsTrue(double.IsNaN(x.Clamp(0, 2).ToArray<double>()[0]), "clamp keeps NaN");
        Assert.IsTrue(double.IsNaN(x.Maximum(Tensors.ZerosLike(x)).ToArray<double>()[0]), "maximum propagates NaN");
        CollectionAssert.AreEqual(new[] { false, true, true, true, true }, x.Eq(x).ToArray<bool>(), "NaN != NaN");
        Assert.AreEqual(double.PositiveInfinity, Tensors.FromArray(new[] { 1.0, double.PositiveInfinity }).Sum().Item<double>());
    }

    [TestMethod]
    public void ExtremeInputsStaySaturatedNotNaN()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.FromArray(new[] { -1000.0, 1000.0 });
        CollectionAssert.AreEqual(new[] { 0.0, 1.0 }, x.Sigmoid().ToArray<double>());
        CollectionAssert.AreEqual(new[] { -1.0, 1.0 }, x.Tanh().ToArray<double>());
        CollectionAssert.AreEqual(new[] { 0.0, 1000.0 }, x.Softplus().ToArray<double>());
        Assert.AreEqual(1000.0 + Math.Log(2), Tensors.FromArray(new[] { 1000.0, 1000.0 }).LogSumExp().Item<double>(), 1e-12);
    }
}
