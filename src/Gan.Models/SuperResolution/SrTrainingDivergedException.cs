namespace Gan.Models.SuperResolution;

/// <summary>
/// Upscaler training stopped because a loss became NaN or infinite. The message says which loss, where, and what to
/// do; the trainer then refuses to train or save further, so a checkpoint written before stays the last good one.
/// </summary>
public sealed class SrTrainingDivergedException : Exception
{
    /// <summary>Creates the exception; the message is composed from the facts.</summary>
    public SrTrainingDivergedException(string loss, double value, int epoch, long step)
        : base(FormattableString.Invariant(
            $"upscaler training diverged in epoch {epoch} at step {step}: the {loss} loss became {value}. Lower SrTrainerOptions.LearningRate, or resume from the last checkpoint with a lower one."))
    {
        Loss = loss;
        Epoch = epoch;
        Step = step;
    }

    /// <summary>Which loss diverged: "pixel" (SRResNet training), or SRGAN's "generator" or "discriminator".</summary>
    public string Loss { get; }

    /// <summary>The epoch (from 1) in which training diverged.</summary>
    public int Epoch { get; }

    /// <summary>The global step (batch, from 1) at which the loss was not finite.</summary>
    public long Step { get; }
}
