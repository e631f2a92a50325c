using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>Restores a random-number generator's state after checking it, since libtorch aborts the process on a wrong one.</summary>
public static class GeneratorState
{
    /// <summary>
    /// Sets <paramref name="generator"/>'s state to <paramref name="state"/> (a byte tensor from <c>get_state()</c>
    /// of a generator of the same kind).
    /// </summary>
    /// <exception cref="ArgumentException">The state is not a byte tensor of the length this generator's state has.</exception>
    public static void SetStateChecked(this Generator generator, Tensor state)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(state);
        using var current = generator.get_state();
        if (state.dtype != ScalarType.Byte || state.dim() != 1 || state.numel() != current.numel())
            throw new ArgumentException(
                $"a random-number generator state is a 1-D byte tensor of {current.numel()} elements, not {state.dtype} [{string.Join(", ", state.shape)}]",
                nameof(state));
        using var onCpu = state.cpu();
        generator.set_state(onCpu);
    }
}
