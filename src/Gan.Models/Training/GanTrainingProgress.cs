namespace Gan.Models.Training;

/// <summary>The state of training after one batch, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Epoch">The epoch being trained, from 1 (counting every epoch the trainer has ever trained).</param>
/// <param name="TotalEpochs">The epoch the current <see cref="GanTrainer.Train"/> call ends at.</param>
/// <param name="Step">Batches completed since the trainer was created (its global step).</param>
/// <param name="Batch">Batches completed in this epoch, from 1.</param>
/// <param name="BatchesPerEpoch">Batches in one epoch.</param>
/// <param name="DiscriminatorLoss">D's loss in its last step of the batch: BCE(D(x), 1) + BCE(D(G(z)), 0).</param>
/// <param name="GeneratorLoss">G's loss in its last step of the batch.</param>
/// <param name="RealScore">Mean D(x), D's probability that the real batch is real (before D's update).</param>
/// <param name="FakeScore">Mean D(G(z)), D's probability that the fakes are real (before D's update).</param>
/// <param name="ImagesPerSecond">Real samples trained on per second, over this epoch so far.</param>
public sealed record GanTrainingProgress(int Epoch, int TotalEpochs, long Step, int Batch, int BatchesPerEpoch,
    double DiscriminatorLoss, double GeneratorLoss, double RealScore, double FakeScore, double ImagesPerSecond);
