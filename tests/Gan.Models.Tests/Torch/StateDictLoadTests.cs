using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary><see cref="ModuleSerialization.LoadStateDictChecked"/>: every key checked first, typed errors, nothing half-copied.</summary>
[TestClass]
public sealed class StateDictLoadTests
{
    private static nn.Module<Tensor, Tensor> Model() =>
        nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3), nn.ReLU(), nn.Linear(3, 2));

    // Copies in the caller's dispose scope.
    private static Dictionary<string, Tensor> CopyOf(nn.Module module) =>
        module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());

    [TestMethod]
    public void LoadingCopiesEveryValueInPlace()
    {
        using var source = Model();
        using var target = Model();
        using var scope = NewDisposeScope();
        source.call(randn(5, 4)); // moves the running statistics and the batch counter
        var parameters = target.parameters().ToList();
        var weightHandle = parameters[0].Handle;

        var result = target.LoadStateDictChecked(source.state_dict());

        Assert.IsEmpty(result.MissingKeys);
        Assert.IsEmpty(result.UnexpectedKeys);
        foreach (var (key, value) in source.state_dict())
            TensorAssert.AreIdentical(value, target.state_dict()[key], key);
        CollectionAssert.AreEqual(parameters, target.parameters().ToList(), "the parameters an optimizer holds stay the module's");
        Assert.AreEqual(weightHandle, target.parameters().First().Handle);
        Assert.IsTrue(parameters.All(p => p.requires_grad && p.is_leaf));
        Assert.AreEqual(1L, target.state_dict()["1.num_batches_tracked"].item<long>());
        source.eval();
        target.eval();
        var x = randn(2, 4);
        TensorAssert.AreIdentical(source.call(x), target.call(x), "the outputs");
    }

    [TestMethod]
    public void StrictLoadReportsMissingKeysAndCopiesNothing()
    {
        using var source = Model();
        using var target = Model();
        using var scope = NewDisposeScope();
        var state = CopyOf(source);
        state.Remove("1.running_var");
        state.Remove("3.bias");
        var before = CopyOf(target);

        var e = Assert.ThrowsExactly<StateDictException>(() => target.LoadStateDictChecked(state));

        CollectionAssert.AreEquivalent(new[] { "1.running_var", "3.bias" }, e.MissingKeys.ToArray());
        StringAssert.Contains(e.Message, "'1.running_var'");
        StringAssert.Contains(e.Message, "'3.bias'");
        AssertUnchanged(before, target);
    }

    [TestMethod]
    public void StrictLoadReportsUnexpectedKeys()
    {
        using var target = Model();
        using var scope = NewDisposeScope();
        var state = CopyOf(target);
        state["4.weight"] = zeros(2, 2);
        var e = Assert.ThrowsExactly<StateDictException>(() => target.LoadStateDictChecked(state));
        CollectionAssert.AreEqual(new[] { "4.weight" }, e.UnexpectedKeys.ToArray());
        StringAssert.Contains(e.Message, "'4.weight'");
        StringAssert.Contains(e.Message, "Sequential", "the message names the module");
    }

    [TestMethod]
    public void NonStrictLoadCopiesWhatMatchesAndReturnsTheKeysItCouldNot()
    {
        using var target = Model();
        using var scope = NewDisposeScope();
        var state = new Dictionary<string, Tensor>
        {
            ["0.bias"] = TensorData.FromSpan<float>([1f, 2f, 3f], 3),
            ["head.weight"] = zeros(1),
        };
        var result = target.LoadStateDictChecked(state, strict: false);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, target.state_dict()["0.bias"].CopyToArray<float>());
        CollectionAssert.AreEqual(new[] { "head.weight" }, result.UnexpectedKeys.ToArray());
        Assert.HasCount(target.state_dict().Count - 1, result.MissingKeys);
        CollectionAssert.DoesNotContain(result.MissingKeys.ToArray(), "0.bias");
    }

    [TestMethod]
    public void WrongShapeThrowsEvenWhenNotStrictAndNamesBothShapes()
    {
        using var target = Model();
        using var scope = NewDisposeScope();
        var state = new Dictionary<string, Tensor> { ["0.weight"] = zeros(3, 5) };
        var e = Assert.ThrowsExactly<StateDictException>(() => target.LoadStateDictChecked(state, strict: false));
        Assert.HasCount(1, e.Mismatches);
        Assert.AreEqual("0.weight", e.Mismatches[0].Key);
        StringAssert.Contains(e.Message, "'0.weight': expected Float32 [3, 4], got Float32 [3, 5]");
        Assert.IsEmpty(e.MissingKeys, "a non-strict load does not complain about missing keys");
    }

    [TestMethod]
    [DataRow(new long[] { 1, 4 }, "0.weight")]
    [DataRow(new long[] { 1 }, "0.bias")]
    [DataRow(new long[] { }, "1.running_mean")]
    public void ShapesThatWouldBroadcastAreRefusedAndNothingIsCopied(long[] shape, string key)
    {
        using var target = Model();
        using var scope = NewDisposeScope();
        var before = CopyOf(target);
        var state = CopyOf(target);
        foreach (var value in state.Values.Where(v => v.is_floating_point())) value.add_(1);
        state[key] = full(shape, 7f);

        var e = Assert.ThrowsExactly<StateDictException>(() => target.LoadStateDictChecked(state));

        CollectionAssert.AreEqual(new[] { key }, e.Mismatches.Select(m => m.Key).ToArray());
        AssertUnchanged(before, target);
    }

    [TestMethod]
    public void WrongDTypeThrowsAndNamesBothDTypes()
    {
        using var target = Model();
        using var scope = NewDisposeScope();
        var state = CopyOf(target);
        state["3.bias"] = zeros([2], ScalarType.Float64);
        state["1.num_batches_tracked"] = zeros([], ScalarType.Float32);
        var e = Assert.ThrowsExactly<StateDictException>(() => target.LoadStateDictChecked(state));
        StringAssert.Contains(e.Message, "'3.bias': expected Float32 [2], got Float64 [2]");
        StringAssert.Contains(e.Message, "'1.num_batches_tracked': expected Int64 [], got Float32 []");
        CollectionAssert.AreEquivalent(new[] { "1.num_batches_tracked", "3.bias" }, e.Mismatches.Select(m => m.Key).ToArray());
    }

    [TestMethod]
    public void LoadingRecordsNoGradientHistory()
    {
        using var target = Model();
        using var scope = NewDisposeScope();
        var state = CopyOf(target);
        var source = state["0.weight"].requires_grad_();
        state["0.weight"] = source * 2;
        target.LoadStateDictChecked(state);
        var weight = target.parameters().First();
        Assert.IsTrue(weight.is_leaf, "the weight is still a leaf without history");
    }

    private static void AssertUnchanged(Dictionary<string, Tensor> before, nn.Module module)
    {
        foreach (var (key, value) in module.state_dict())
            Assert.IsTrue(TensorAssert.Identical(before[key], value), $"{key} changed although the load failed");
    }
}
