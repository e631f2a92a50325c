namespace Gan.Models.Metrics;

/// <summary>
/// The quality figures of one set of samples, with what they were measured against: FD is biased at small N and
/// differs between splits, so N and the reference split are part of the result.
/// </summary>
/// <param name="SampleCount">N, the number of generated samples measured.</param>
/// <param name="ReferenceSplit">The real data the distance is measured against (for example "Fashion-MNIST t10k").</param>
/// <param name="ReferenceCount">The number of real samples in the reference.</param>
/// <param name="FrechetDistance">The Fréchet distance in the classifier's feature space, or null when not measured.</param>
/// <param name="ConditionalAccuracy">The share classified as the requested label, or null for unconditional samples.</param>
/// <param name="PerClassCounts">How many samples the classifier assigned to each class.</param>
public sealed record SampleQualityReport(
    long SampleCount,
    string ReferenceSplit,
    long ReferenceCount,
    double? FrechetDistance,
    double? ConditionalAccuracy,
    IReadOnlyList<long> PerClassCounts)
{
    /// <summary>Classes that received no sample at all (a sign of mode collapse).</summary>
    public int EmptyClasses => PerClassCounts.Count(c => c == 0);

    /// <summary>Classes that received at least one sample.</summary>
    public int ClassesHit => PerClassCounts.Count - EmptyClasses;

    /// <summary>The share of the samples in the most frequent class (1 / classes when perfectly balanced, 1 when collapsed).</summary>
    public double LargestClassShare => PerClassCounts.Sum() is var total and > 0 ? (double)PerClassCounts.Max() / total : 0;

    /// <summary>One line: N, reference, FD, conditional accuracy and the per-class counts.</summary>
    public override string ToString() =>
        $"N={SampleCount} vs {ReferenceSplit} (N={ReferenceCount}): FD {FrechetDistance?.ToString("F3") ?? "-"}, " +
        $"conditional accuracy {ConditionalAccuracy?.ToString("P1") ?? "-"}, per class [{string.Join(", ", PerClassCounts)}]";
}
