namespace Gan.Models.Training;

/// <summary>One human-readable line from <see cref="GanTrainer.Log"/>.</summary>
/// <param name="message">The line.</param>
public sealed class GanTrainerLogEventArgs(string message) : EventArgs
{
    /// <summary>The line, e.g. <c>epoch 2/25 step 150 batch 50/937: D loss 0.9, G loss 1.4, D(x) 0.61, D(G(z)) 0.33, 5120 images/s</c>.</summary>
    public string Message { get; } = message;
}
