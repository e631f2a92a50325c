using Gan.Torch.Native;

namespace Gan.Torch.NN;

// Padding the last dimensions of a tensor.
public static partial class Functional
{
    /// <summary>
    /// Pads the last dimensions: <paramref name="pad"/> lists (before, after) pairs starting from the last dimension,
    /// e.g. (left, right, top, bottom) for images, as in torch.nn.functional.pad. Negative values crop (constant mode).
    /// </summary>
    /// <param name="input">Any shape for constant mode; reflect and replicate pad the last 1, 2 or 3 dimensions of a
    /// batched or unbatched input.</param>
    /// <param name="pad">An even number of sizes, at most two per dimension.</param>
    /// <param name="mode">Constant, reflect or replicate.</param>
    /// <param name="value">The fill value of constant mode.</param>
    /// <exception cref="ArgumentException">An odd or too long <paramref name="pad"/>, a value with a non-constant mode,
    /// or a reflection wider than the input.</exception>
    public static Tensor Pad(Tensor input, long[] pad, PaddingMode mode = PaddingMode.Constant, double value = 0)
    {
        ArgumentNullException.ThrowIfNull(pad);
        if (pad.Length % 2 != 0)
            throw new ArgumentException($"Pad needs (before, after) pairs, got {pad.Length} values", nameof(pad));
        if (pad.Length / 2 > input.Dim)
            throw new ArgumentException($"Pad has {pad.Length / 2} (before, after) pairs but the input {input.ShapeText} has {input.Dim} dimensions",
                nameof(pad));
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"unknown padding mode {mode}");
        if (mode != PaddingMode.Constant && value != 0)
            throw new ArgumentException($"{mode} padding takes no fill value", nameof(value));
        if (mode == PaddingMode.Reflect)
        {
            for (int i = 0; i < pad.Length; i++)
            {
                long size = input.Size(-1 - i / 2);
                if (pad[i] >= size)
                    throw new ArgumentException(
                        $"reflect padding of {pad[i]} must be smaller than the size {size} of dimension {input.Dim - 1 - i / 2} of input {input.ShapeText}",
                        nameof(pad));
            }
        }
        return Tensor.Wrap(NativeMethods.gan_pad(input.Handle, pad, pad.Length, (int)mode, value, out var r), r);
    }
}
