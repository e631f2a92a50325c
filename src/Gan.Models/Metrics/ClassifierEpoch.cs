namespace Gan.Models.Metrics;

/// <summary>The end of one training epoch of <see cref="LeNetClassifier"/>.</summary>
/// <param name="Epoch">The epoch just finished, from 1.</param>
/// <param name="Epochs">The epochs in the recipe.</param>
/// <param name="Loss">The mean training loss over the epoch's batches.</param>
/// <param name="Elapsed">Time since training began.</param>
public sealed record ClassifierEpoch(int Epoch, int Epochs, double Loss, TimeSpan Elapsed);
