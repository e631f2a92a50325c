namespace Gan.MLNet.Streaming;

/// <summary>Where in the stream an input failed; the error report's <c>stage</c> column.</summary>
public enum ImageJobStage
{
    /// <summary>Before any work: the output exists (and neither overwrite nor resume was asked) or collides with another input's.</summary>
    Output,
    /// <summary>Reading the input file.</summary>
    Read,
    /// <summary>Decoding: empty, not an image, truncated, corrupt, or more pixels than allowed.</summary>
    Decode,
    /// <summary>The batch transform (e.g. the super-resolution network).</summary>
    Transform,
    /// <summary>Encoding the result.</summary>
    Encode,
    /// <summary>Writing the output file.</summary>
    Write,
}
