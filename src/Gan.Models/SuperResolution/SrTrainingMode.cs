namespace Gan.Models.SuperResolution;

/// <summary>What <see cref="SrTrainer"/> optimises.</summary>
public enum SrTrainingMode
{
    /// <summary>SRResNet alone on the <see cref="PixelLoss"/> (Ledig et al.'s SRResNet-MSE; EDSR's L1).</summary>
    SrResNet,

    /// <summary>SRGAN: the generator (normally started from a trained SRResNet) against an <see cref="SrganDiscriminator"/>, content + 10⁻³ × adversarial.</summary>
    Srgan,
}
