namespace Gan.Models.Metrics;

/// <summary>Metrics over the classifier's predictions for generated samples.</summary>
public static class ClassMetrics
{
    /// <summary>
    /// Conditional accuracy: the share of samples whose predicted class equals the label they were generated for.
    /// </summary>
    /// <exception cref="ArgumentException">Different lengths or no samples.</exception>
    public static double ConditionalAccuracy(IReadOnlyList<long> predicted, IReadOnlyList<long> requested)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(requested);
        if (predicted.Count != requested.Count)
            throw new ArgumentException($"{predicted.Count} predictions for {requested.Count} requested labels");
        if (predicted.Count == 0) throw new ArgumentException("no samples to measure");
        int hits = 0;
        for (int i = 0; i < predicted.Count; i++)
            if (predicted[i] == requested[i]) hits++;
        return (double)hits / predicted.Count;
    }

    /// <summary>How many samples the classifier assigns to each of <paramref name="classCount"/> classes (mode collapse shows as empty classes).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A prediction outside [0, <paramref name="classCount"/>).</exception>
    public static long[] PerClassCounts(IReadOnlyList<long> predicted, int classCount)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        var counts = new long[classCount];
        foreach (long p in predicted)
        {
            if (p < 0 || p >= classCount)
                throw new ArgumentOutOfRangeException(nameof(predicted), p, $"prediction outside 0..{classCount - 1}");
            counts[p]++;
        }
        return counts;
    }
}
