namespace Gan.Models.SuperResolution;

/// <summary>The validation of one epoch: PSNR-Y (of the mean squared error over the patches, so that a patch bicubic reproduces exactly cannot make it infinite) and mean SSIM-Y of the network and of bicubic on the same held-out patches (border = scale).</summary>
/// <param name="Epoch">The epoch just finished.</param>
/// <param name="Psnr">The network's PSNR-Y in dB.</param>
/// <param name="Ssim">The network's mean SSIM-Y.</param>
/// <param name="BicubicPsnr">Bicubic upscaling's PSNR-Y in dB: the bar to clear.</param>
/// <param name="BicubicSsim">Bicubic upscaling's mean SSIM-Y.</param>
public sealed record SrValidation(int Epoch, double Psnr, double Ssim, double BicubicPsnr, double BicubicSsim);
