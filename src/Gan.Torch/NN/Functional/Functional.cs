namespace Gan.Torch.NN;

/// <summary>
/// Stateless neural-network functions (PyTorch's <c>torch.nn.functional</c>): the math behind the layers, which
/// hold the parameters and call these. Each returns a new tensor owned by the caller (and by the current
/// <see cref="DisposeScope"/>, if any). Arguments that libtorch would reject with an obscure message are checked
/// first and reported with <see cref="ArgumentException"/>s that name the argument.
/// </summary>
public static partial class Functional
{
    private static long[] Pair((int Height, int Width) value) => [value.Height, value.Width];

    private static void RequireAtLeast((int Height, int Width) value, int minimum, string name)
    {
        if (value.Height < minimum || value.Width < minimum)
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} must be at least {minimum} in both directions, got ({value.Height}, {value.Width})");
    }

    private static void RequireAtLeast(long value, long minimum, string name)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}, got {value}");
    }

    private static void RequireDims(Tensor input, string operation, params int[] allowed)
    {
        if (Array.IndexOf(allowed, input.Dim) < 0)
            throw new ArgumentException(
                $"{operation} expects a {string.Join(" or ", allowed.Select(d => d + "-D"))} input, got shape {input.ShapeText}",
                nameof(input));
    }

    private static void RequireSameShape(Tensor input, Tensor target, string operation)
    {
        if (!input.Shape.AsSpan().SequenceEqual(target.Shape))
            throw new ArgumentException(
                $"{operation}: target shape {target.ShapeText} differs from input shape {input.ShapeText} " +
                "(libtorch would broadcast them silently, which is almost never what a loss means)", nameof(target));
    }
}
