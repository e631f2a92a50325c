using Gan.Torch;

namespace Gan.Torch.Tests.Ops;

/// <summary>dtype conversions, copies and fills, with hand-derived values (C-style truncation, modular integers).</summary>
[TestClass]
public sealed class ConversionTests
{
    [TestMethod]
    public void FloatToIntegerTruncatesTowardZero()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.FromArray(new[] { -1.7, 1.7, 2.5, -0.5 });
        CollectionAssert.AreEqual(new[] { -1L, 1L, 2L, 0L }, x.To(DType.Int64).ToArray<long>());
        CollectionAssert.AreEqual(new[] { -1, 1, 2, 0 }, x.To(DType.Int32).ToArray<int>());
    }

    [TestMethod]
    public void IntegerNarrowingWrapsAndBoolMeansNonZero()
    {
        using var scope = Tensors.NewDisposeScope();
        CollectionAssert.AreEqual(new byte[] { 44, 255 }, Tensors.FromArray(new[] { 300L, -1L }).To(DType.UInt8).ToArray<byte>());
        CollectionAssert.AreEqual(new[] { false, true, false, true },
            Tensors.FromArray(new[] { 0.0, 0.5, -0.0, double.NaN }).To(DType.Bool).ToArray<bool>());
        CollectionAssert.AreEqual(new[] { 1f, 0f }, Tensors.FromArray(new[] { true, false }).To(DType.Float32).ToArray<float>());
    }

    [TestMethod]
    public void Float64ToFloat32RoundsToNearestAndOverflowsToInfinity()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.FromArray(new[] { 0.1, 1e308, -1e308 });
        CollectionAssert.AreEqual(new[] { 0.1f, float.PositiveInfinity, float.NegativeInfinity }, x.To(DType.Float32).ToArray<float>());
    }

    [TestMethod]
    public void ToTheSameDTypeAliasesUnlessCopyIsRequested()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.FromArray(new[] { 1.0, 2.0 });
        Assert.IsTrue(x.To(DType.Float64).SharesStorageWith(x));
        var copy = x.To(DType.Float64, copy: true);
        Assert.IsFalse(copy.SharesStorageWith(x));
        copy.FillInPlace(9.0);
        CollectionAssert.AreEqual(new[] { 1.0, 2.0 }, x.ToArray<double>());
    }

    [TestMethod]
    public void CloneCopiesDetachShares()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.FromArray(new[] { 1.0, 2.0 }).RequiresGrad_();
        var clone = x.Clone();
        Assert.IsFalse(clone.SharesStorageWith(x));
        Assert.IsTrue(clone.RequiresGrad, "a clone stays in the graph");
        Assert.IsFalse(clone.IsLeaf);
        var detached = x.Detach();
        Assert.IsTrue(detached.SharesStorageWith(x));
        Assert.IsFalse(detached.RequiresGrad);
        detached.FillInPlace(5.0);
        CollectionAssert.AreEqual(new[] { 5.0, 5.0 }, x.ToArray<double>());
    }

    [TestMethod]
    public void CopyInPlaceBroadcastsAndConverts()
    {
        using var scope = Tensors.NewDisposeScope();
        var target = Tensors.Zeros([2, 3], DType.Float64);
        target.CopyInPlace(Tensors.FromArray(new[] { 1L, 2L, 3L }));
        CollectionAssert.AreEqual(new[] { 1.0, 2.0, 3.0, 1.0, 2.0, 3.0 }, target.ToArray<double>());
        target.ZeroInPlace();
        CollectionAssert.AreEqual(new double[6], target.ToArray<double>());
        target.FillInPlace(2);
        CollectionAssert.AreEqual(Enumerable.Repeat(2.0, 6).ToArray(), target.ToArray<double>());
    }

    [TestMethod]
    public void LerpInPlaceMovesTowardTheEnd()
    {
        using var scope = Tensors.NewDisposeScope();
        var a = Tensors.FromArray(new[] { 0.0, 10.0, -4.0 });
        a.LerpInPlace(Tensors.FromArray(new[] { 1.0, 20.0, 4.0 }), 0.25);
        CollectionAssert.AreEqual(new[] { 0.25, 12.5, -2.0 }, a.ToArray<double>());
    }

    [TestMethod]
    public void AllCloseAndValueEqualsFollowTheirTolerances()
    {
        using var scope = Tensors.NewDisposeScope();
        var a = Tensors.FromArray(new[] { 1.0, 100.0 });
        var b = Tensors.FromArray(new[] { 1.0 + 1e-9, 100.0 + 1e-4 });
        Assert.IsTrue(a.AllClose(b, rtol: 2e-6, atol: 0));
        Assert.IsFalse(a.AllClose(b, rtol: 1e-7, atol: 0));
        Assert.IsFalse(a.ValueEquals(b));
        Assert.IsTrue(a.ValueEquals(a.Clone()));
        Assert.IsFalse(a.ValueEquals(Tensors.FromArray(new[] { 1.0, 100.0, 0.0 })), "shapes differ");
    }

    [TestMethod]
    public void ItemReadsZeroDimAndOneElementTensors()
    {
        using var scope = Tensors.NewDisposeScope();
        Assert.AreEqual(2.5, Tensors.ScalarTensor(2.5, DType.Float64).Item<double>());
        Assert.AreEqual(DType.Float32, Tensors.ScalarTensor(2.5).DType);
        Assert.AreEqual(DType.Int64, Tensors.ScalarTensor(3).DType);
        Assert.AreEqual(-7L, Tensors.FromArray(new[] { -7L }).Item<long>());
        Assert.IsTrue(Tensors.FromArray(new[] { true }).Item<bool>());
        Assert.AreEqual("3", Tensors.ScalarTensor(3).Item().ToString());
    }
}
