using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>Tensor comparisons for tests (TorchSharp's <c>equal</c> compares element by element and returns a tensor).</summary>
internal static class TensorAssert
{
    /// <summary>Same dtype, shape and bits of every element (NaN equal to the same NaN).</summary>
    public static void AreIdentical(Tensor expected, Tensor actual, string what)
    {
        Assert.AreEqual(expected.dtype, actual.dtype, $"{what}: dtype");
        CollectionAssert.AreEqual(expected.shape, actual.shape, $"{what}: shape");
        CollectionAssert.AreEqual(RowMajorBytes(expected), RowMajorBytes(actual), $"{what}: values");
    }

    /// <summary>Whether the two have the same dtype, shape and bits.</summary>
    public static bool Identical(Tensor a, Tensor b) =>
        a.dtype == b.dtype && a.shape.AsSpan().SequenceEqual(b.shape) && RowMajorBytes(a).AsSpan().SequenceEqual(RowMajorBytes(b));

    private static byte[] RowMajorBytes(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.detach().cpu().contiguous().bytes.ToArray();
    }
}
