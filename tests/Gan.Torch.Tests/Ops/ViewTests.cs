using Gan.Torch;

namespace Gan.Torch.Tests.Ops;

/// <summary>Which shape ops are views (share storage, see each other's writes) and which copy, as in PyTorch.</summary>
[TestClass]
public sealed class ViewTests
{
    private static Tensor Grid() => Tensors.Arange(6).To(DType.Float64).View(2, 3);

    [TestMethod]
    public void ViewsShareStorageAndSeeWrites()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Grid();
        var views = new[] { x.View(6), x.T, x.Permute(1, 0), x.Unsqueeze(0), x.Narrow(1, 1, 2), x.Slice(1, 0, 3, 2),
            x.Select(0, 1), x[1], x.Flatten(), x.Reshape(3, 2), x.Expand(4, 2, 3), x.Alias(), x.Detach() };
        foreach (var v in views) Assert.IsTrue(v.SharesStorageWith(x), v.ToString());

        x.Narrow(1, 1, 2).FillInPlace(-1.0);
        CollectionAssert.AreEqual(new[] { 0.0, -1.0, -1.0, 3.0, -1.0, -1.0 }, x.ToArray<double>());
        x.T.Select(0, 0).MulInPlace(10.0);
        CollectionAssert.AreEqual(new[] { 0.0, -1.0, -1.0, 30.0, -1.0, -1.0 }, x.ToArray<double>());
    }

    [TestMethod]
    public void CopyingOpsDoNotShareStorage()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Grid();
        var copies = new[] { x.Clone(), x.T.Contiguous(), x.T.Reshape(6), x.Flip(0), x.Repeat(1, 2),
            x.IndexSelect(1, Tensors.FromArray(new[] { 0L })), Tensors.Cat([x, x]), Tensors.Stack([x]), x.Add(0) };
        foreach (var c in copies) Assert.IsFalse(c.SharesStorageWith(x), c.ToString());
    }

    [TestMethod]
    public void ContiguityFollowsStrides()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Grid();
        Assert.IsTrue(x.IsContiguous);
        Assert.IsFalse(x.T.IsContiguous);
        Assert.IsFalse(x.Slice(1, 0, 3, 2).IsContiguous);
        Assert.IsFalse(x.Narrow(1, 0, 1).Expand(2, 4).IsContiguous);
        var made = x.T.Contiguous();
        Assert.IsTrue(made.IsContiguous);
        CollectionAssert.AreEqual(new[] { 0.0, 3.0, 1.0, 4.0, 2.0, 5.0 }, made.ToArray<double>());
        Assert.IsTrue(x.Contiguous().SharesStorageWith(x), "already contiguous: no copy");
    }

    [TestMethod]
    public void ToArrayReadsLogicalOrderOfStridedTensors()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Grid();
        CollectionAssert.AreEqual(new[] { 0.0, 3.0, 1.0, 4.0, 2.0, 5.0 }, x.T.ToArray<double>());
        CollectionAssert.AreEqual(new[] { 0.0, 2.0, 3.0, 5.0 }, x.Slice(1, 0, 3, 2).ToArray<double>());
        CollectionAssert.AreEqual(new[] { 1.0, 1.0, 1.0, 4.0, 4.0, 4.0 }, x.Narrow(1, 1, 1).Expand(2, 3).ToArray<double>());
    }

    [TestMethod]
    public void ShapeAndSizeDescribeTheView()
    {
        using var scope = Tensors.NewDisposeScope();
        var x = Tensors.Zeros(2, 3, 4);
        var p = x.Permute(2, 0, 1);
        CollectionAssert.AreEqual(new[] { 4L, 2L, 3L }, p.Shape);
        Assert.AreEqual(3, p.Dim);
        Assert.AreEqual(3L, p.Size(-1));
        Assert.AreEqual(24L, p.NumberOfElements);
        Assert.AreEqual(0, x.Select(0, 0).Select(0, 0).Select(0, 0).Dim);
    }
}
