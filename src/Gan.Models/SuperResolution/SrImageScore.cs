namespace Gan.Models.SuperResolution;

/// <summary>PSNR-Y and SSIM-Y of one upscaled image against its original.</summary>
/// <param name="Name">The image's file name (of its HR file).</param>
/// <param name="Psnr">PSNR-Y in dB.</param>
/// <param name="Ssim">SSIM-Y.</param>
public sealed record SrImageScore(string Name, double Psnr, double Ssim);
