namespace Gan.MLNet.Streaming;

/// <summary>Counts so far, reported after every input.</summary>
/// <param name="Written">Outputs written.</param>
/// <param name="Resumed">Inputs skipped because their output was already complete.</param>
/// <param name="Failed">Inputs that failed (listed in the error report).</param>
public readonly record struct ImageStreamProgress(long Written, long Resumed, long Failed)
{
    /// <summary>Inputs finished one way or another.</summary>
    public long Done => Written + Resumed + Failed;
}
