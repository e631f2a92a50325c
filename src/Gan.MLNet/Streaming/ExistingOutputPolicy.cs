namespace Gan.MLNet.Streaming;

/// <summary>What the stream does with an output file that already exists.</summary>
public enum ExistingOutputPolicy
{
    /// <summary>The input fails at <see cref="ImageJobStage.Output"/>; the existing file is kept.</summary>
    Fail,
    /// <summary>The input is processed and its output replaced (atomically).</summary>
    Overwrite,
    /// <summary>
    /// A complete output (see <see cref="ImageOutputCompleteness"/>) is kept and its input skipped; an incomplete one is
    /// redone. A job killed at any point and restarted this way ends with every output exactly once.
    /// </summary>
    Resume,
}
