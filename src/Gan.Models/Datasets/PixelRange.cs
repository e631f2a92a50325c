namespace Gan.Models.Datasets;

/// <summary>The range a loader scales 8-bit pixels to.</summary>
public enum PixelRange
{
    /// <summary>[-1, 1], what a generator with a tanh output produces (the GAN default).</summary>
    MinusOneToOne,

    /// <summary>[0, 1].</summary>
    ZeroToOne,
}
