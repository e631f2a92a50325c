namespace Gan.Models.SuperResolution;

/// <summary>The validation of one epoch: mean PSNR-Y / SSIM-Y of the network and of bicubic on the same held-out patches (border = scale).</summary>
/// <param name="Epoch">The epoch just finished.</param>
/// <param name="Psnr">The network's mean PSNR-Y in dB.</param>
/// <param name="Ssim">The network's mean SSIM-Y.</param>
/// <param name="BicubicPsnr">Bicubic upscaling's mean PSNR-Y in dB: the bar to clear.</param>
/// <param name="BicubicSsim">Bicubic upscaling's mean SSIM-Y.</param>
public sealed record SrValidation(int Epoch, double Psnr, double Ssim, double BicubicPsnr, double BicubicSsim);
