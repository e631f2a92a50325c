using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

[TestClass]
public sealed class DisposeScopeTests
{
    [TestMethod]
    public void TemporariesDieWithTheScopeAndMovedResultsSurvive()
    {
        Tensor temporary, kept;
        using (var scope = Tensors.NewDisposeScope())
        {
            var a = Tensors.Ones(3);
            temporary = a * 2;
            kept = (temporary + 1).MoveToOuterDisposeScope();
            Assert.AreEqual(2, scope.Count);
        }
        Assert.IsTrue(temporary.IsDisposed);
        Assert.IsFalse(kept.IsDisposed);
        CollectionAssert.AreEqual(new[] { 3f, 3f, 3f }, kept.ToArray<float>());
        kept.Dispose();
    }

    [TestMethod]
    public void MoveToOuterHandsTheTensorToTheEnclosingScope()
    {
        Tensor moved;
        using (var outer = Tensors.NewDisposeScope())
        {
            using (var inner = Tensors.NewDisposeScope())
                moved = inner.MoveToOuter(Tensors.Zeros(2));
            Assert.IsFalse(moved.IsDisposed);
            Assert.AreEqual(1, outer.Count);
        }
        Assert.IsTrue(moved.IsDisposed);
    }

    [TestMethod]
    public void DetachedTensorsBelongToTheCaller()
    {
        Tensor detached;
        using (Tensors.NewDisposeScope())
            detached = Tensors.Ones(2).DetachFromDisposeScope();
        Assert.IsFalse(detached.IsDisposed);
        detached.Dispose();
        Assert.IsTrue(detached.IsDisposed);
    }

    [TestMethod]
    public void ScopesMustBeDisposedInnermostFirst()
    {
        var outer = Tensors.NewDisposeScope();
        var inner = Tensors.NewDisposeScope();
        Assert.ThrowsExactly<InvalidOperationException>(() => outer.Dispose());
        inner.Dispose();
        outer.Dispose();
        Assert.IsNull(DisposeScope.Current);
    }

    [TestMethod]
    public void UsingADisposedTensorThrowsObjectDisposedException()
    {
        var t = Tensors.Ones(2, 2);
        using var other = Tensors.Ones(2, 2);
        t.Dispose();
        t.Dispose(); // idempotent
        Assert.ThrowsExactly<ObjectDisposedException>(() => _ = t.Shape);
        Assert.ThrowsExactly<ObjectDisposedException>(() => t.ToArray<float>());
        Assert.ThrowsExactly<ObjectDisposedException>(() => t.Add(1));
        Assert.ThrowsExactly<ObjectDisposedException>(() => other.Add(t));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Tensors.Cat([other, t]));
        Assert.ThrowsExactly<ObjectDisposedException>(() => t.Backward());
        StringAssert.Contains(Assert.ThrowsExactly<ObjectDisposedException>(() => t.Sum()).Message, "disposed");
        Assert.AreEqual("Tensor (disposed)", t.ToString());
    }
}
