using System.Buffers.Binary;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>Restores a random-number generator's state after checking it, since libtorch aborts the process on a wrong one.</summary>
public static class GeneratorState
{
    /// <summary>
    /// Sets <paramref name="generator"/>'s state to <paramref name="state"/> (a byte tensor from <c>get_state()</c>
    /// of a generator of the same kind).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The state is not a byte tensor of the length this generator's state has, or (for a CPU generator) not a state
    /// its Mersenne Twister can resume from (a damaged or hand-made state).
    /// </exception>
    public static void SetStateChecked(this Generator generator, Tensor state)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(state);
        using var current = generator.get_state();
        if (state.dtype != ScalarType.Byte || state.dim() != 1 || state.numel() != current.numel())
            throw new ArgumentException(
                $"a random-number generator state is a 1-D byte tensor of {current.numel()} elements, not {state.dtype} [{string.Join(", ", state.shape)}]",
                nameof(state));
        using var scope = NewDisposeScope();
        // libtorch also aborts on a state that is not a contiguous CPU tensor.
        var bytes = state.cpu().contiguous();
        if (generator.device.type == DeviceType.CPU && MersenneTwisterProblem(bytes.bytes) is { } problem)
            throw new ArgumentException($"not a state of libtorch's CPU generator: {problem}", nameof(state));
        generator.set_state(bytes);
    }

    // The head of libtorch's CPU generator state (CPUGeneratorImplState, native byte order): the initial seed (8 bytes),
    // how many words are left before the next twist (int32), whether it was seeded (int32) and the next word's index
    // (its low 32 bits count). set_state aborts unless seeded, 1 ≤ left ≤ 624 and next ≤ 624.
    private static string? MersenneTwisterProblem(ReadOnlySpan<byte> state)
    {
        const int stateWords = 624;
        int left = BinaryPrimitives.ReadInt32LittleEndian(state[8..]);
        int seeded = BinaryPrimitives.ReadInt32LittleEndian(state[12..]);
        uint next = BinaryPrimitives.ReadUInt32LittleEndian(state[16..]);
        if (seeded == 0) return "it is marked as never seeded";
        if (left is < 1 or > stateWords) return $"its count of words left, {left}, is outside 1 to {stateWords}";
        if (next > stateWords) return $"its next word, {next}, is beyond the {stateWords} words";
        return null;
    }
}
