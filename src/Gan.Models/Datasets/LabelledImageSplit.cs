namespace Gan.Models.Datasets;

/// <summary>A training and a test split of one dataset; owns (and disposes) both.</summary>
/// <param name="Train">The images a model learns from.</param>
/// <param name="Test">The held-out images it is measured on.</param>
public sealed record LabelledImageSplit(LabelledImageSet Train, LabelledImageSet Test) : IDisposable
{
    /// <summary>Disposes both splits.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
