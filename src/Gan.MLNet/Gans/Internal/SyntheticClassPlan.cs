namespace Gan.MLNet.Transforms;

/// <summary>How many synthetic rows of each class Augment appends, and in which order.</summary>
internal static class SyntheticClassPlan
{
    /// <summary>
    /// The class of every synthetic row for real class counts <paramref name="counts"/> (one entry when unconditional):
    /// a fixed number per class, a ratio of each class's count (rounded half away from zero), or enough to bring every
    /// class to the largest one. Classes take turns (0, 1, 2, 0, 1, …) so any prefix is near-balanced.
    /// </summary>
    public static int[] Plan(GanGeneratingTransformer.Settings settings, long[] counts, int classCount)
    {
        long largest = counts.Length == 0 ? 0 : counts.Max();
        var wanted = new long[classCount];
        for (int c = 0; c < classCount; c++)
        {
            long real = c < counts.Length ? counts[c] : 0;
            wanted[c] = settings.SyntheticRowsPerClass > 0 ? settings.SyntheticRowsPerClass
                : settings.SyntheticRatio > 0 ? (long)Math.Round(settings.SyntheticRatio * real, MidpointRounding.AwayFromZero)
                : settings.BalanceClasses ? largest - real
                : 0;
        }
        long total = wanted.Sum();
        if (total > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(settings), $"{total} synthetic rows are more than one view can hold");
        var plan = new int[total];
        var left = (long[])wanted.Clone();
        for (int i = 0; i < plan.Length;)
        {
            for (int c = 0; c < classCount; c++)
            {
                if (left[c] == 0) continue;
                left[c]--;
                plan[i++] = c;
            }
        }
        return plan;
    }
}
