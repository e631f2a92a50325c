namespace Gan.MLNet.Streaming;

/// <summary>An input that produced no output: one row of the error report.</summary>
/// <param name="Job">The input.</param>
/// <param name="Stage">Where it failed.</param>
/// <param name="Message">Why.</param>
public sealed record ImageJobFailure(ImageJob Job, ImageJobStage Stage, string Message);
