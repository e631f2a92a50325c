using Gan.Torch;
using Gan.Torch.Tests.Support;
using static Gan.Torch.Tests.Support.GradCase;

namespace Gan.Torch.Tests.Ops;

/// <summary>Autograd of narrowing, slicing, selecting, gathering and masking against finite differences.</summary>
[TestClass]
public sealed class IndexingGradTests
{
    private static Tensor Indices(params long[] values) => Tensors.FromArray(values);

    // Autograd must see writes into a view of a tensor (PyTorch's CopySlices): write into a clone, return the clone.
    private static Tensor WriteThroughView(Tensor x, Action<Tensor> write)
    {
        var clone = x.Clone();
        write(clone);
        return clone;
    }

    private static readonly Dictionary<string, GradCase> Cases = new()
    {
        ["Narrow"] = Of(t => t[0].Narrow(1, 1, 2), N(2, 4)),
        ["Slice"] = Of(t => t[0].Slice(0, 1, 3), N(4, 2)),
        ["Slice with step"] = Of(t => t[0].Slice(1, 0, 5, 2), N(2, 5)),
        ["Slice negative start"] = Of(t => t[0].Slice(1, -3, 5, 2), N(2, 5)),
        ["Select"] = Of(t => t[0].Select(1, 2), N(2, 3, 2)),
        ["Select negative index"] = Of(t => t[0].Select(0, -1), N(3, 2)),
        ["Indexer"] = Of(t => t[0][1], N(3, 2)),
        ["IndexSelect with repeats"] = Of(t => t[0].IndexSelect(1, Indices(2, 0, 2, 1)), N(2, 3)),
        ["Gather"] = Of(t => t[0].Gather(1, Tensors.FromArray(new[] { 2L, 0L, 0L, 1L, 1L, 1L }, 2, 3)), N(2, 3)),
        ["MaskedFill"] = Of(t => t[0].MaskedFill(Tensors.FromArray(new[] { true, false, false, true, false, true }, 2, 3), 5.0), N(2, 3)),
        ["MulInPlace through a Narrow view"] = Of(t => WriteThroughView(t[0], c => c.Narrow(1, 0, 2).MulInPlace(t[1])), N(2, 3), N(2, 2)),
        ["FillInPlace through a Select view"] = Of(t => WriteThroughView(t[0], c => c.Select(0, 1).FillInPlace(3.0)), N(2, 3)),
        ["CopyInPlace into a strided Slice"] = Of(t => WriteThroughView(t[0], c => c.Slice(1, 0, 3, 2).CopyInPlace(t[1])), N(2, 3), N(2, 2)),
        ["MaskedFill broadcast mask"] = Of(t => t[0].MaskedFill(Tensors.FromArray(new[] { false, true, false }), -1.0), N(2, 3)),
    };

    public static IEnumerable<object[]> Names => Rows(Cases);

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void GradientMatchesFiniteDifferences(string op) => Cases[op].Check(op);
}
