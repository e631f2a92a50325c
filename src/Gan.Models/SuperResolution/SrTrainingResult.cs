namespace Gan.Models.SuperResolution;

/// <summary>What one <see cref="SrTrainer.Train"/> call did.</summary>
/// <param name="Epoch">Epochs completed in the whole run.</param>
/// <param name="Step">Batches completed in the whole run.</param>
/// <param name="GeneratorLosses">The generator's loss of every batch of this call.</param>
/// <param name="DiscriminatorLosses">SRGAN's discriminator loss of every batch of this call (empty for SRResNet).</param>
/// <param name="Validations">The validation after every epoch of this call.</param>
/// <param name="Elapsed">Wall time of this call.</param>
/// <param name="PatchesPerSecond">HR patches trained per second over this call (validation included).</param>
public sealed record SrTrainingResult(int Epoch, long Step, IReadOnlyList<double> GeneratorLosses,
    IReadOnlyList<double> DiscriminatorLosses, IReadOnlyList<SrValidation> Validations, TimeSpan Elapsed, double PatchesPerSecond);
