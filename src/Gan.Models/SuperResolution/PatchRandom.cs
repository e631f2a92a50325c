namespace Gan.Models.SuperResolution;

/// <summary>
/// SplitMix64 (Steele et al. 2014): a tiny deterministic generator whose whole state is one number, so a batch can be
/// recreated from (seed, step) alone and resuming needs no generator state.
/// </summary>
internal struct PatchRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        ulong z = _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, count) (the modulo bias is below 2⁻⁴⁰ for the counts used here).</summary>
    public long NextLong(long count) => (long)(NextULong() % (ulong)count);
}
