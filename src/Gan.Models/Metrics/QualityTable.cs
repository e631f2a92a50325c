using System.Globalization;
using System.Text;

namespace Gan.Models.Metrics;

/// <summary>
/// The metrics of one or more generators beside their calibration, as a Markdown table: one row per metric, one
/// column for the real-data floor, one per model, one per ceiling.
/// </summary>
public sealed class QualityTable
{
    /// <summary>Lays out <paramref name="calibration"/>'s floor, then <paramref name="models"/>, then the ceilings (<see cref="QualityEvaluator.Tabulate"/> fills in the reference).</summary>
    /// <param name="referenceName">The reference split.</param>
    /// <param name="referenceCount">Its number of images.</param>
    /// <param name="classifierAccuracy">The classifier's accuracy on it.</param>
    /// <param name="calibration">The floor and ceilings.</param>
    /// <param name="models">The generators' columns (may be empty, for a calibration-only table).</param>
    public QualityTable(string referenceName, long referenceCount, double classifierAccuracy, QualityCalibration calibration,
        IEnumerable<QualityColumn> models)
    {
        ArgumentException.ThrowIfNullOrEmpty(referenceName);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(models);
        ReferenceName = referenceName;
        ReferenceCount = referenceCount;
        ClassifierAccuracy = classifierAccuracy;
        Columns = [calibration.Floor, .. models, .. calibration.Ceilings];
    }

    /// <summary>The reference split the distances are measured against.</summary>
    public string ReferenceName { get; }

    /// <summary>The number of reference images.</summary>
    public long ReferenceCount { get; }

    /// <summary>The classifier's accuracy on the reference split.</summary>
    public double ClassifierAccuracy { get; }

    /// <summary>The columns in print order: floor, models, ceilings.</summary>
    public IReadOnlyList<QualityColumn> Columns { get; }

    /// <summary>A caption line (reference, classifier accuracy, N) and the table; ↑ marks metrics where higher is better, ↓ lower.</summary>
    public string ToMarkdown()
    {
        int classes = Columns[0].Report.PerClassCounts.Count;
        var counts = Columns.Select(c => c.Report.SampleCount).Distinct().ToArray();
        string n = counts.Length == 1 ? $"N = {counts[0]} samples per column" : "N differs between columns (see the last row)";
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Reference: {ReferenceName} ({ReferenceCount} images); LeNet classifier accuracy on it {Percent(ClassifierAccuracy)}. " +
            $"{n}; Fréchet distance against all reference images in the classifier's 84-d feature space.");
        text.AppendLine();
        Row(text, "metric", Columns.Select(c => c.Name));
        Row(text, "---", Columns.Select(_ => "--:"));
        Row(text, "Fréchet distance ↓", Columns.Select(c => c.Report.FrechetDistance?.ToString("F2", CultureInfo.InvariantCulture) ?? "–"));
        Row(text, "conditional accuracy ↑", Columns.Select(c => c.Report.ConditionalAccuracy is double a ? Percent(a) : "–"));
        Row(text, $"classes hit, of {classes} ↑", Columns.Select(c => c.Report.ClassesHit.ToString(CultureInfo.InvariantCulture)));
        Row(text, $"largest class share ({Percent(1.0 / classes)} if balanced)", Columns.Select(c => Percent(c.Report.LargestClassShare)));
        Row(text, "per-class counts", Columns.Select(c => string.Join(" ", c.Report.PerClassCounts)));
        Row(text, "samples N", Columns.Select(c => c.Report.SampleCount.ToString(CultureInfo.InvariantCulture)));
        return text.ToString();
    }

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static void Row(StringBuilder text, string first, IEnumerable<string> cells) =>
        text.AppendLine($"| {Escape(first)} | {string.Join(" | ", cells.Select(Escape))} |");

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
