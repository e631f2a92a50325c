using Gan.Imaging;

namespace Gan.Models.SuperResolution;

/// <summary>
/// Scores an upscaler on a folder of paired images laid out as the SR benchmark sets are (Set5, Set14, …):
/// <c>NAME_LR.png</c> is the input and <c>NAME_HR.png</c> the original. The given LR files are the input (never
/// re-made), and PSNR-Y / SSIM-Y are measured with <see cref="SrMetrics"/> cropping <c>scale</c> border pixels.
/// </summary>
public static class SrEvaluation
{
    /// <summary>Scores <paramref name="upscale"/> on every pair in <paramref name="folder"/>, in file-name order.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder has no pairs, an LR file has no HR partner, or an output's size is not its original's (the message names the file).</exception>
    public static IReadOnlyList<SrImageScore> ScoreFolder(string folder, int scale, Func<Image, Image> upscale)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(upscale);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"evaluation folder '{folder}' does not exist");
        var scores = new List<SrImageScore>();
        foreach (string lrPath in Directory.GetFiles(folder, "*_LR.png").Order(StringComparer.Ordinal))
        {
            string hrPath = lrPath[..^"_LR.png".Length] + "_HR.png";
            if (!File.Exists(hrPath)) throw new InvalidDataException($"'{lrPath}' has no original '{hrPath}'");
            var hr = Image.Load(hrPath).ConvertTo(PixelFormat.Rgb24);
            var sr = upscale(Image.Load(lrPath)).ConvertTo(PixelFormat.Rgb24);
            if (sr.Width != hr.Width || sr.Height != hr.Height)
                throw new InvalidDataException($"'{lrPath}' upscaled to {sr.Width}x{sr.Height}, but its original '{hrPath}' is {hr.Width}x{hr.Height}");
            scores.Add(new SrImageScore(Path.GetFileName(hrPath), SrMetrics.PsnrY(sr, hr, scale), SrMetrics.SsimY(sr, hr, scale)));
        }
        if (scores.Count == 0) throw new InvalidDataException($"'{folder}' holds no NAME_LR.png / NAME_HR.png pairs");
        return scores;
    }
}
