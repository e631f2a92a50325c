namespace Gan.Models.Training;

/// <summary>
/// Differentiable augmentations applied to every image the discriminator judges during training — real and fake
/// alike, in the discriminator's and the generator's steps — so a small training set does not let D memorise it.
/// </summary>
/// <remarks>
/// This is DiffAugment (Zhao et al., "Differentiable Augmentation for Data-Efficient GAN Training", NeurIPS 2020): D
/// never sees an untransformed image, and because the transforms are differentiable G learns the untransformed
/// distribution through them. Each image gets its own transform, drawn from the trainer's seeded generator, so a run
/// stays reproducible and resumes exactly from a checkpoint. Sampling is never augmented. For image-shaped samples
/// ([C, H, W]) of the single-scale kinds; LAPGAN's pyramid and tabular samples refuse it.
/// </remarks>
[Flags]
public enum DiscriminatorAugmentation
{
    /// <summary>D sees the images as they are (the default).</summary>
    None = 0,

    /// <summary>
    /// Shifts each image by a whole number of pixels, up to an eighth of its height and width either way, repeating
    /// the edge pixels into the uncovered border.
    /// </summary>
    Translation = 1,

    /// <summary>Sets a square of half the image's height and width at a random place (possibly cut by the edge) to 0, the middle of [−1, 1].</summary>
    Cutout = 2,
}
