namespace Gan.Models.SuperResolution;

/// <summary>
/// The content term of the SRGAN generator loss. Ledig et al. compare VGG19 features of the SR and HR images; no
/// pretrained VGG exists in this build world, so the choices are the pixel loss (SRGAN-MSE in the paper) or the
/// features of the SRGAN discriminator being trained (feature matching, Salimans et al. 2016).
/// </summary>
public enum ContentLoss
{
    /// <summary>The <see cref="PixelLoss"/> between SR and HR images (the paper's SRGAN-MSE).</summary>
    Pixel,

    /// <summary>
    /// Pixel loss plus the mean squared distance between the discriminator's activations (after each stride-2 stage)
    /// on the SR and the HR images. The discriminator changes as it trains, so this is a moving perceptual target,
    /// not the fixed VGG space of the paper.
    /// </summary>
    DiscriminatorFeatures,
}
