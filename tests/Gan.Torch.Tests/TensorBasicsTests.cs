using Gan.Torch;

namespace Gan.Torch.Tests;

[TestClass]
public sealed class TensorBasicsTests
{
    [TestMethod]
    public void FromArrayRoundTripsEveryDType()
    {
        using var f = Tensors.FromArray(new[] { 1.5f, -2f, 3f, 4f }, 2, 2);
        CollectionAssert.AreEqual(new[] { 2L, 2L }, f.Shape);
        Assert.AreEqual(DType.Float32, f.DType);
        CollectionAssert.AreEqual(new[] { 1.5f, -2f, 3f, 4f }, f.ToArray<float>());

        using var d = Tensors.FromArray(new[] { 1.0, 2.0 });
        CollectionAssert.AreEqual(new[] { 1.0, 2.0 }, d.ToArray<double>());
        using var l = Tensors.FromArray(new[] { long.MaxValue, -1L });
        CollectionAssert.AreEqual(new[] { long.MaxValue, -1L }, l.ToArray<long>());
        using var i = Tensors.FromArray(new[] { int.MinValue, 7 });
        CollectionAssert.AreEqual(new[] { int.MinValue, 7 }, i.ToArray<int>());
        using var b = Tensors.FromArray(new byte[] { 0, 255 });
        CollectionAssert.AreEqual(new byte[] { 0, 255 }, b.ToArray<byte>());
        using var z = Tensors.FromArray(new[] { true, false });
        CollectionAssert.AreEqual(new[] { true, false }, z.ToArray<bool>());
    }

    [TestMethod]
    public void ArithmeticBroadcasts()
    {
        using var scope = Tensors.NewDisposeScope();
        var a = Tensors.FromArray(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, 2, 3);
        var b = Tensors.FromArray(new[] { 10f, 20f, 30f }, 3);
        CollectionAssert.AreEqual(new[] { 11f, 22f, 33f, 14f, 25f, 36f }, (a + b).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 2f, 4f, 6f, 8f, 10f, 12f }, (a * 2).ToArray<float>());
        Assert.AreEqual(21f, a.Sum().Item<float>());
    }

    [TestMethod]
    public void ChannelsLastKeepsValuesAndShapeAndNeeds4D()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.Arange(24).Reshape(1, 2, 3, 4);
        var nhwc = x.Contiguous(MemoryFormat.ChannelsLast);
        CollectionAssert.AreEqual(x.Shape, nhwc.Shape);
        Assert.IsTrue(nhwc.IsContiguousIn(MemoryFormat.ChannelsLast));
        Assert.IsFalse(nhwc.IsContiguousIn(MemoryFormat.Contiguous));
        Assert.IsTrue(nhwc.ValueEquals(x));
        Assert.IsTrue(nhwc.Contiguous(MemoryFormat.Contiguous).IsContiguous);
        Assert.Throws<TorchException>(() => Tensors.Zeros(2, 3, 4).Contiguous(MemoryFormat.ChannelsLast));
    }
}
