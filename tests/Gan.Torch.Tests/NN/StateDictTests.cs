using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

[TestClass]
public sealed class StateDictTests
{
    private static Sequential Model() => new(new Linear(4, 3), new BatchNorm1d(3), new ReLU(), new Linear(3, 2));

    private static Dictionary<string, Tensor> CopyOf(IReadOnlyDictionary<string, Tensor> state) =>
        state.ToDictionary(kv => kv.Key, kv => kv.Value.Detach().Clone());

    [TestMethod]
    public void LoadingCopiesEveryValueInPlace()
    {
        using var scope = Torch.NewDisposeScope();
        using var source = Model();
        using var target = Model();
        source.Call(Torch.Randn(5, 4));   // moves the running statistics and the batch counter
        var weightBefore = target.StateDict()["0.weight"];

        var result = target.LoadStateDict(source.StateDict());

        Assert.AreEqual(0, result.MissingKeys.Count);
        Assert.AreEqual(0, result.UnexpectedKeys.Count);
        foreach (var (key, value) in source.StateDict())
            Assert.IsTrue(value.ValueEquals(target.StateDict()[key]), key);
        Assert.AreSame(weightBefore, target.StateDict()["0.weight"]);
        Assert.IsTrue(weightBefore.RequiresGrad && weightBefore.IsLeaf);
        Assert.AreEqual(1L, target.StateDict()["1.num_batches_tracked"].Item<long>());
        source.Eval();
        target.Eval();
        var x = Torch.Randn(2, 4);
        Assert.IsTrue(source.Call(x).ValueEquals(target.Call(x)));
    }

    [TestMethod]
    public void StrictLoadReportsMissingKeysAndCopiesNothing()
    {
        using var scope = Torch.NewDisposeScope();
        using var source = Model();
        using var target = Model();
        var state = CopyOf(source.StateDict());
        state.Remove("1.running_var");
        state.Remove("3.bias");
        var before = target.StateDict()["0.weight"].Clone();

        var e = Assert.ThrowsExactly<StateDictException>(() => target.LoadStateDict(state));

        CollectionAssert.AreEqual(new[] { "1.running_var", "3.bias" }, e.MissingKeys.ToArray());
        StringAssert.Contains(e.Message, "'1.running_var'");
        StringAssert.Contains(e.Message, "'3.bias'");
        Assert.IsTrue(before.ValueEquals(target.StateDict()["0.weight"]), "nothing is copied when the load fails");
    }

    [TestMethod]
    public void StrictLoadReportsUnexpectedKeys()
    {
        using var scope = Torch.NewDisposeScope();
        using var target = Model();
        var state = CopyOf(target.StateDict());
        state["4.weight"] = Torch.Zeros(2, 2);
        var e = Assert.ThrowsExactly<StateDictException>(() => target.LoadStateDict(state));
        CollectionAssert.AreEqual(new[] { "4.weight" }, e.UnexpectedKeys.ToArray());
        StringAssert.Contains(e.Message, "'4.weight'");
    }

    [TestMethod]
    public void NonStrictLoadReturnsTheKeysItCouldNotMatch()
    {
        using var scope = Torch.NewDisposeScope();
        using var target = Model();
        var state = new Dictionary<string, Tensor>
        {
            ["0.bias"] = Torch.FromArray(new[] { 1f, 2f, 3f }, 3),
            ["head.weight"] = Torch.Zeros(1),
        };
        var result = target.LoadStateDict(state, strict: false);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, target.StateDict()["0.bias"].ToArray<float>());
        CollectionAssert.AreEqual(new[] { "head.weight" }, result.UnexpectedKeys.ToArray());
        Assert.AreEqual(target.StateDict().Count - 1, result.MissingKeys.Count);
        CollectionAssert.DoesNotContain(result.MissingKeys.ToArray(), "0.bias");
    }

    [TestMethod]
    public void WrongShapeThrowsEvenWhenNotStrictAndNamesBothShapes()
    {
        using var scope = Torch.NewDisposeScope();
        using var target = Model();
        var state = new Dictionary<string, Tensor> { ["0.weight"] = Torch.Zeros(3, 5) };
        var e = Assert.ThrowsExactly<StateDictException>(() => target.LoadStateDict(state, strict: false));
        Assert.AreEqual(1, e.Mismatches.Count);
        Assert.AreEqual("0.weight", e.Mismatches[0].Key);
        StringAssert.Contains(e.Message, "'0.weight': expected Float32 [3, 4], got Float32 [3, 5]");
        Assert.AreEqual(0, e.MissingKeys.Count, "a non-strict load does not complain about missing keys");
    }

    [TestMethod]
    public void WrongDTypeThrowsAndNamesBothDTypes()
    {
        using var scope = Torch.NewDisposeScope();
        using var target = Model();
        var state = CopyOf(target.StateDict());
        state["3.bias"] = Torch.Zeros([2], DType.Float64);
        state["1.num_batches_tracked"] = Torch.Zeros([], DType.Float32);
        var e = Assert.ThrowsExactly<StateDictException>(() => target.LoadStateDict(state));
        StringAssert.Contains(e.Message, "'3.bias': expected Float32 [2], got Float64 [2]");
        StringAssert.Contains(e.Message, "'1.num_batches_tracked': expected Int64 [], got Float32 []");
        CollectionAssert.AreEquivalent(new[] { "1.num_batches_tracked", "3.bias" }, e.Mismatches.Select(m => m.Key).ToArray());
    }
}
