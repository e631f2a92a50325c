namespace Gan.Models.Datasets;

/// <summary>A training and a test split of one dataset; owns (and disposes) both.</summary>
/// <param name="Train">The images a model learns from.</param>
/// <param name="Test">The held-out images it is measured on.</param>
public sealed record LabelledImageSplit(LabelledImageSet Train, LabelledImageSet Test) : IDisposable
{
    /// <summary>
    /// Names <see cref="Train"/> for people and for records (a cached classifier keys on it), e.g. "Fashion-MNIST train";
    /// the loaders set it, so every program names the same data the same way.
    /// </summary>
    public string TrainName { get; init; } = "train";

    /// <summary>Names <see cref="Test"/>, e.g. "Fashion-MNIST t10k" (the reference column of a quality table).</summary>
    public string TestName { get; init; } = "test";

    /// <summary>Disposes both splits.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
