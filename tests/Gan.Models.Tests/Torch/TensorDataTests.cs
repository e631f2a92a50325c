using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

[TestClass]
public sealed class TensorDataTests
{
    [TestMethod]
    public void EveryDTypeRoundTrips()
    {
        using var scope = NewDisposeScope();
        AssertRoundTrip([1.5f, -2f, float.NaN, float.NegativeInfinity], ScalarType.Float32);
        AssertRoundTrip([1.0, double.Epsilon, -0.0], ScalarType.Float64);
        AssertRoundTrip([long.MaxValue, -1L], ScalarType.Int64);
        AssertRoundTrip([int.MinValue, 7], ScalarType.Int32);
        AssertRoundTrip(new byte[] { 0, 255 }, ScalarType.Byte);
        AssertRoundTrip([true, false, true], ScalarType.Bool);
    }

    [TestMethod]
    public void TheShapeIsKeptAndElementsAreRowMajor()
    {
        using var scope = NewDisposeScope();
        var t = TensorData.FromSpan<float>([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        CollectionAssert.AreEqual(new[] { 2L, 3L }, t.shape);
        Assert.AreEqual(6f, t[1, 2].item<float>());
        Assert.AreEqual(DeviceType.CPU, t.device_type);
    }

    [TestMethod]
    public void AScalarHasAnEmptyShapeAndAnEmptyTensorNoData()
    {
        using var scope = NewDisposeScope();
        var scalar = TensorData.FromSpan<double>([2.5]);
        Assert.AreEqual(0L, scalar.dim());
        Assert.AreEqual(2.5, scalar.item<double>());
        var empty = TensorData.FromSpan<float>([], 0, 3);
        CollectionAssert.AreEqual(new[] { 0L, 3L }, empty.shape);
        Assert.IsEmpty(empty.CopyToArray<float>());
    }

    [TestMethod]
    public void TheTensorOwnsACopyOfTheData()
    {
        using var scope = NewDisposeScope();
        float[] data = [1f, 2f];
        var t = TensorData.FromSpan<float>(data, 2);
        data[0] = 9f;
        Assert.AreEqual(1f, t[0].item<float>());
    }

    [TestMethod]
    public void ViewsOfAnyLayoutAreCopiedOutRowMajor()
    {
        using var scope = NewDisposeScope();
        var x = arange(12).view(3, 4);
        CollectionAssert.AreEqual(new long[] { 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11 }, x.t().CopyToArray<long>());
        CollectionAssert.AreEqual(new long[] { 5, 6, 9, 10 }, x[1..3, 1..3].CopyToArray<long>());
        CollectionAssert.AreEqual(new long[] { 7, 7, 7 }, tensor(7L).expand(3).CopyToArray<long>());
    }

    [TestMethod]
    public void TensorsThatRequireGradAreCopiedByValue()
    {
        using var scope = NewDisposeScope();
        var w = TensorData.FromSpan<float>([1f, 2f], 2).requires_grad_();
        CollectionAssert.AreEqual(new[] { 3f, 6f }, (w * 3).CopyToArray<float>());
    }

    [TestMethod]
    public void CopyToFillsASpanOfTheRightLength()
    {
        using var scope = NewDisposeScope();
        var destination = new int[4];
        TensorData.FromSpan<int>([4, 3, 2, 1], 2, 2).CopyTo<int>(destination);
        CollectionAssert.AreEqual(new[] { 4, 3, 2, 1 }, destination);
    }

    [TestMethod]
    public void AShapeThatDoesNotHoldTheDataIsRefused()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => TensorData.FromSpan<float>([1f, 2f, 3f], 2, 2));
        StringAssert.Contains(e.Message, "shape [2, 2] holds 4 elements, the data 3");
        Assert.ThrowsExactly<ArgumentException>(() => TensorData.FromSpan<long>([1L, 2L, 3L], 2));
    }

    [TestMethod]
    public void NegativeAndOverflowingShapesAreRefused()
    {
        var negative = Assert.ThrowsExactly<ArgumentException>(() => TensorData.FromSpan<float>([1f, 2f], -1, -2));
        StringAssert.Contains(negative.Message, "[-1, -2]");
        var huge = Assert.ThrowsExactly<ArgumentException>(() => TensorData.FromSpan<float>([1f], 1L << 40, 1L << 40));
        StringAssert.Contains(huge.Message, "1099511627776");
    }

    [TestMethod]
    public void AnElementTypeOtherThanTheDTypeIsRefused()
    {
        using var scope = NewDisposeScope();
        var doubles = zeros([2], ScalarType.Float64);
        var e = Assert.ThrowsExactly<ArgumentException>(() => doubles.CopyToArray<float>());
        StringAssert.Contains(e.Message, "Float64, not Single");
        Assert.ThrowsExactly<ArgumentException>(() => doubles.CopyTo<long>(new long[2]));
    }

    [TestMethod]
    public void ADestinationOfAnotherLengthIsRefused()
    {
        using var scope = NewDisposeScope();
        var e = Assert.ThrowsExactly<ArgumentException>(() => zeros(3).CopyTo<float>(new float[2]));
        StringAssert.Contains(e.Message, "3 elements, the destination 2");
    }

    [TestMethod]
    public void ElementTypesWithoutADTypeAreRefused()
    {
        Assert.ThrowsExactly<NotSupportedException>(() => TensorData.DType<char>());
        Assert.ThrowsExactly<NotSupportedException>(() => TensorData.FromSpan<decimal>([1m], 1));
    }

    [TestMethod]
    [DoNotParallelize] // reads the process-wide live-tensor count
    public void CopyingOutLeavesNoTensorBehind()
    {
        using var scope = NewDisposeScope();
        var x = arange(6f).view(2, 3).t().requires_grad_(); // copied through detach, contiguous: temporaries
        long before = LiveTensors.SettledCount();
        for (int i = 0; i < 100; i++) x.CopyToArray<float>();
        Assert.AreEqual(before, LiveTensors.Count);
    }

    private static void AssertRoundTrip<T>(T[] values, ScalarType dtype) where T : unmanaged
    {
        var t = TensorData.FromSpan<T>(values, values.Length);
        Assert.AreEqual(dtype, t.dtype);
        Assert.AreEqual(dtype, TensorData.DType<T>());
        CollectionAssert.AreEqual(values, t.CopyToArray<T>(), typeof(T).Name);
    }
}
