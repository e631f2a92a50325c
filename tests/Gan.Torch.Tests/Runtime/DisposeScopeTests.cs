using Gan.Torch;

namespace Gan.Torch.Tests.Runtime;

[TestClass]
public sealed class DisposeScopeTests
{
    [TestMethod]
    public void TemporariesDieWithTheScopeAndMovedResultsSurvive()
    {
        Tensor temporary, kept;
        using (var scope = Torch.NewDisposeScope())
        {
            var a = Torch.Ones(3);
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
        using (var outer = Torch.NewDisposeScope())
        {
            using (var inner = Torch.NewDisposeScope())
                moved = inner.MoveToOuter(Torch.Zeros(2));
            Assert.IsFalse(moved.IsDisposed);
            Assert.AreEqual(1, outer.Count);
        }
        Assert.IsTrue(moved.IsDisposed);
    }

    [TestMethod]
    public void DetachedTensorsBelongToTheCaller()
    {
        Tensor detached;
        using (Torch.NewDisposeScope())
            detached = Torch.Ones(2).DetachFromDisposeScope();
        Assert.IsFalse(detached.IsDisposed);
        detached.Dispose();
        Assert.IsTrue(detached.IsDisposed);
    }

    [TestMethod]
    public void ScopesMustBeDisposedInnermostFirst()
    {
        var outer = Torch.NewDisposeScope();
        var inner = Torch.NewDisposeScope();
        Assert.ThrowsExactly<InvalidOperationException>(() => outer.Dispose());
        inner.Dispose();
        outer.Dispose();
        Assert.IsNull(DisposeScope.Current);
    }

    [TestMethod]
    public void UsingADisposedTensorThrowsObjectDisposedException()
    {
        var t = Torch.Ones(2, 2);
        using var other = Torch.Ones(2, 2);
        t.Dispose();
        t.Dispose(); // idempotent
        Assert.ThrowsExactly<ObjectDisposedException>(() => _ = t.Shape);
        Assert.ThrowsExactly<ObjectDisposedException>(() => t.ToArray<float>());
        Assert.ThrowsExactly<ObjectDisposedException>(() => t.Add(1));
        Assert.ThrowsExactly<ObjectDisposedException>(() => other.Add(t));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Torch.Cat([other, t]));
        Assert.ThrowsExactly<ObjectDisposedException>(() => t.Backward());
        StringAssert.Contains(Assert.ThrowsExactly<ObjectDisposedException>(() => t.Sum()).Message, "disposed");
        Assert.AreEqual("Tensor (disposed)", t.ToString());
    }
}
