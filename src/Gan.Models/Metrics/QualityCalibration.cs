namespace Gan.Models.Metrics;

/// <summary>The calibration printed beside a generator's figures: real data (the floor) and known-bad sources (the ceilings).</summary>
/// <param name="Floor">Real training images measured like samples; its conditional accuracy is the classifier's accuracy on the reference split.</param>
/// <param name="Ceilings">Known-bad sources: an untrained generator when given, one image repeated, uniform noise.</param>
public sealed record QualityCalibration(QualityColumn Floor, IReadOnlyList<QualityColumn> Ceilings);
