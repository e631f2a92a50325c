using System.Globalization;
using Gan.Models.SuperResolution;

namespace SuperResolutionTraining;

/// <summary>Scores bicubic and a saved SRResNet on a NAME_LR.png / NAME_HR.png folder (the given LR files as input).</summary>
internal static class Set14Report
{
    public static void Print(string modelPath, string folder)
    {
        using var network = SrResNetSerialization.Load(modelPath);
        int scale = network.Scale;
        var resolver = new SuperResolver(network);
        var bicubic = SrEvaluation.ScoreFolder(folder, scale, lr => AntialiasedBicubic.Resize(lr, lr.Width * scale, lr.Height * scale));
        var model = SrEvaluation.ScoreFolder(folder, scale, resolver.Upscale);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{folder} ×{scale}, {model.Count} images, model {modelPath}"));
        for (int i = 0; i < model.Count; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {model[i].Name,-24} bicubic {bicubic[i].Psnr:F2} dB {bicubic[i].Ssim:F4}   model {model[i].Psnr:F2} dB {model[i].Ssim:F4}"));
        double gain = model.Average(s => s.Psnr) - bicubic.Average(s => s.Psnr);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean PSNR-Y / SSIM-Y: bicubic {bicubic.Average(s => s.Psnr):F2} dB / {bicubic.Average(s => s.Ssim):F4}, " +
            $"model {model.Average(s => s.Psnr):F2} dB / {model.Average(s => s.Ssim):F4} ({gain:+0.00;-0.00} dB)"));
    }
}
