namespace Gan.Models.SuperResolution;

/// <summary>A photograph <see cref="SrPatchDataset"/> did not use, and why (undecodable, truncated, too small, unreadable).</summary>
/// <param name="Path">The file, or the name given to an in-memory image.</param>
/// <param name="Reason">What was wrong, in words.</param>
public sealed record SkippedPhoto(string Path, string Reason);
