namespace Gan.Models.SuperResolution;

/// <summary>The per-pixel distance between a super-resolved image and its high-resolution original.</summary>
public enum PixelLoss
{
    /// <summary>Mean absolute error. EDSR (Lim et al. 2017) found it trains SR networks to higher PSNR than MSE.</summary>
    L1,

    /// <summary>Mean squared error: SRResNet's loss in Ledig et al. 2017, the direct proxy of PSNR.</summary>
    Mse,
}
