namespace Gan.MLNet.Streaming;

/// <summary>What a stream run did: every input of the run (after sharding) is in exactly one of the three counts.</summary>
/// <param name="Written">Outputs written by this run.</param>
/// <param name="Resumed">Inputs skipped because their output was already complete (<see cref="ExistingOutputPolicy.Resume"/>).</param>
/// <param name="Failures">Inputs that failed, also listed in the error report.</param>
public sealed record ImageStreamResult(long Written, long Resumed, IReadOnlyList<ImageJobFailure> Failures)
{
    /// <summary>Inputs that failed.</summary>
    public long Failed => Failures.Count;

    /// <summary>All inputs of the run.</summary>
    public long Total => Written + Resumed + Failed;

    /// <summary>Whether every input has its output.</summary>
    public bool Succeeded => Failures.Count == 0;
}
