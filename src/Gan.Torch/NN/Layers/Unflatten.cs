namespace Gan.Torch.NN;

/// <summary>
/// Splits dimension <c>dim</c> into <c>sizes</c> (PyTorch's <c>nn.Unflatten</c>), e.g. a generator's (N, 128 × 7 × 7)
/// projection into (N, 128, 7, 7). One size may be −1 (inferred).
/// </summary>
public sealed class Unflatten : Module<Tensor, Tensor>
{
    private readonly long[] _sizes;

    /// <summary>Creates the layer.</summary>
    /// <param name="dim">The dimension to split (negative counts from the end).</param>
    /// <param name="sizes">The new dimensions; their product must equal the split dimension's size.</param>
    public Unflatten(long dim, params long[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Length == 0) throw new ArgumentException("Unflatten needs at least one size", nameof(sizes));
        if (sizes.Count(s => s == -1) > 1 || sizes.Any(s => s < -1 || s == 0))
            throw new ArgumentException($"Unflatten sizes must be positive, with at most one −1; got [{string.Join(", ", sizes)}]", nameof(sizes));
        Dim = dim;
        _sizes = (long[])sizes.Clone();
    }

    /// <summary>The dimension split.</summary>
    public long Dim { get; }

    /// <summary>The new dimensions (a copy).</summary>
    public long[] Sizes => (long[])_sizes.Clone();

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var shape = input.Shape;
        long d = Dim < 0 ? Dim + shape.Length : Dim;
        if (d < 0 || d >= shape.Length)
            throw new ArgumentException($"Unflatten dimension {Dim} is out of range for input {input.ShapeText}", nameof(input));
        long product = _sizes.Where(s => s != -1).Aggregate(1L, (a, b) => a * b);
        if (_sizes.Contains(-1) ? shape[d] % product != 0 : shape[d] != product)
            throw new ArgumentException(
                $"Unflatten cannot split dimension {d} of size {shape[d]} of input {input.ShapeText} into [{string.Join(", ", _sizes)}]",
                nameof(input));
        long[] newShape = [.. shape[..(int)d], .. _sizes, .. shape[((int)d + 1)..]];
        return input.View(newShape);
    }
}
