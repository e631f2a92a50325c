using static TorchSharp.torch;

namespace Gan.Models.Gans.Lapgan;

/// <summary>
/// One image per pyramid level (coarse first) flattened and joined into one [N, C·Σ side²] tensor: the form in which
/// the trainer hands a whole pyramid, real or fake, from the generator to the discriminator as a single tensor.
/// </summary>
internal static class LapganPacking
{
    /// <summary>Joins the levels [N, C, s, s] (coarse first) into [N, C·Σ s²].</summary>
    public static Tensor Pack(IEnumerable<Tensor> levels) => cat([.. levels.Select(level => level.flatten(1))], 1);

    /// <summary>The values per sample of a packed pyramid with these sides.</summary>
    public static long PackedSize(int channels, IReadOnlyList<int> sides) => sides.Sum(side => (long)channels * side * side);

    /// <summary>Splits [N, C·Σ s²] back into the levels [N, C, s, s], coarse first (views into <paramref name="packed"/>).</summary>
    public static IReadOnlyList<Tensor> Unpack(Tensor packed, int channels, IReadOnlyList<int> sides)
    {
        long n = packed.size(0), offset = 0;
        var levels = new Tensor[sides.Count];
        for (int k = 0; k < sides.Count; k++)
        {
            long size = (long)channels * sides[k] * sides[k];
            levels[k] = packed.narrow(1, offset, size).reshape(n, channels, sides[k], sides[k]);
            offset += size;
        }
        return levels;
    }
}
