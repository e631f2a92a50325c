namespace Gan.Models.Metrics;

/// <summary>One column of a <see cref="QualityTable"/>: a named source, its role and its measurements.</summary>
/// <param name="Name">What was measured (for example "untrained G" or "cDCGAN, 20 epochs").</param>
/// <param name="Role">Floor, model or ceiling.</param>
/// <param name="Report">The measurements.</param>
public sealed record QualityColumn(string Name, QualityColumnRole Role, SampleQualityReport Report);
