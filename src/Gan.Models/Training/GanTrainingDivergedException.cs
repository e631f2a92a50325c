namespace Gan.Models.Training;

/// <summary>
/// Training stopped because it diverged. The message says what happened, where, and which checkpoint to resume from;
/// that checkpoint was written before the divergence and is never overwritten by the diverged state.
/// </summary>
public sealed class GanTrainingDivergedException : Exception
{
    /// <summary>Creates the exception; the message is composed from the facts.</summary>
    public GanTrainingDivergedException(GanDivergence reason, string detail, int epoch, long step, string? lastGoodCheckpoint,
        int lastGoodEpoch, long lastGoodStep)
        : base(Compose(reason, detail, epoch, step, lastGoodCheckpoint, lastGoodEpoch, lastGoodStep))
    {
        Reason = reason;
        Epoch = epoch;
        Step = step;
        LastGoodCheckpoint = lastGoodCheckpoint;
    }

    /// <summary>What diverged.</summary>
    public GanDivergence Reason { get; }

    /// <summary>The epoch (from 1) in which training diverged.</summary>
    public int Epoch { get; }

    /// <summary>The global step (batch, from 1) at which divergence was detected.</summary>
    public long Step { get; }

    /// <summary>The last checkpoint written or loaded before the divergence, or null when there is none.</summary>
    public string? LastGoodCheckpoint { get; }

    private static string Compose(GanDivergence reason, string detail, int epoch, long step, string? checkpoint, int goodEpoch, long goodStep)
    {
        string what = reason switch
        {
            GanDivergence.NonFiniteDiscriminatorLoss => "the discriminator loss is not finite",
            GanDivergence.NonFiniteGeneratorLoss => "the generator loss is not finite",
            _ => "the discriminator loss collapsed to ~0 (D wins outright, G gets no gradient)",
        };
        string resume = checkpoint is null
            ? "No checkpoint was written before it (set GanTrainerOptions.CheckpointPath to keep one)."
            : $"Resume from the last good checkpoint '{checkpoint}' (epoch {goodEpoch}, step {goodStep}), e.g. with lower learning rates.";
        return $"GAN training diverged in epoch {epoch} at step {step}: {what} ({detail}). {resume}";
    }
}
