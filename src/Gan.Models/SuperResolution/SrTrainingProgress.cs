namespace Gan.Models.SuperResolution;

/// <summary>One batch of <see cref="SrTrainer"/>: where it is and how it went.</summary>
/// <param name="Epoch">The epoch in progress (1-based).</param>
/// <param name="TotalEpochs">The epoch this Train call ends at.</param>
/// <param name="Step">Batches completed in the whole run.</param>
/// <param name="Batch">Batches completed in this epoch.</param>
/// <param name="BatchesPerEpoch">Batches per epoch.</param>
/// <param name="GeneratorLoss">The generator's loss (pixel loss for SRResNet; content + adversarial for SRGAN).</param>
/// <param name="DiscriminatorLoss">SRGAN's discriminator loss; NaN for SRResNet.</param>
/// <param name="PatchesPerSecond">HR patches trained per second in this epoch so far.</param>
public sealed record SrTrainingProgress(int Epoch, int TotalEpochs, long Step, int Batch, int BatchesPerEpoch,
    double GeneratorLoss, double DiscriminatorLoss, double PatchesPerSecond);
