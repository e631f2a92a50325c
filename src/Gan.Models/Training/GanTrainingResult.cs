namespace Gan.Models.Training;

/// <summary>What one <see cref="GanTrainer.Train"/> call did.</summary>
/// <param name="Epoch">Epochs the trainer has completed in all (its <see cref="GanTrainer.Epoch"/>).</param>
/// <param name="Step">Batches the trainer has completed in all (its <see cref="GanTrainer.Step"/>).</param>
/// <param name="DiscriminatorLosses">D's loss of every batch of this call, in order (see <see cref="GanTrainingProgress.DiscriminatorLoss"/>).</param>
/// <param name="GeneratorLosses">G's loss of every batch of this call, in order.</param>
/// <param name="Elapsed">Wall time of the call.</param>
/// <param name="ImagesPerSecond">Real samples trained on per second over the call.</param>
public sealed record GanTrainingResult(int Epoch, long Step, IReadOnlyList<double> DiscriminatorLosses,
    IReadOnlyList<double> GeneratorLosses, TimeSpan Elapsed, double ImagesPerSecond);
