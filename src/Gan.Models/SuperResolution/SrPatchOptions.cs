namespace Gan.Models.SuperResolution;

/// <summary>How <see cref="SrPatchDataset"/> cuts training and validation patches from photographs, with every default in this one place.</summary>
public sealed class SrPatchOptions
{
    /// <summary>The upscaling factor the patches train: 2 or 4. Default 4.</summary>
    public int Scale { get; set; } = 4;

    /// <summary>The side of a high-resolution patch, a multiple of <see cref="Scale"/>; its LR patch is PatchSize / Scale. Default 96 (SRGAN's 96 → 24 at ×4).</summary>
    public int PatchSize { get; set; } = 96;

    /// <summary>
    /// Photos whose longer side exceeds this are first shrunk (antialiased bicubic) to it. Default 1024: wallpaper-sized
    /// photos are mostly smooth sky and blur at full size, and shrinking also averages away sensor noise and JPEG
    /// blocking that the network would otherwise learn to reproduce. Null keeps every photo at full size.
    /// </summary>
    public int? MaxImageSide { get; set; } = 1024;

    /// <summary>The share of the photos (chosen by the seed, at least one when there are two or more) held out for validation. Default 0.2.</summary>
    public double ValidationFraction { get; set; } = 0.2;

    /// <summary>Fixed patches drawn from the held-out photos for validation (no flips). Default 64.</summary>
    public int ValidationPatchCount { get; set; } = 64;

    /// <summary>Fixes the split, the validation patches and every training batch (batch t depends only on the seed and t). Default 1.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Refuses settings the dataset cannot use, naming the option.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (Scale is not (2 or 4)) throw Invalid(nameof(Scale), $"must be 2 or 4, not {Scale}");
        if (PatchSize % Scale != 0 || PatchSize < 2 * Scale + SmallestMeasuredSide)
            throw Invalid(nameof(PatchSize),
                $"must be a multiple of Scale ({Scale}) of at least {2 * Scale + SmallestMeasuredSide} (SSIM's 11×11 window inside the cropped border), not {PatchSize}");
        if (MaxImageSide is { } side && side < PatchSize)
            throw Invalid(nameof(MaxImageSide), $"must be null or at least PatchSize ({PatchSize}), not {side}");
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
            throw Invalid(nameof(ValidationFraction), $"must be in (0, 1), not {ValidationFraction}");
        if (ValidationPatchCount < 1) throw Invalid(nameof(ValidationPatchCount), $"must be at least 1, not {ValidationPatchCount}");
    }

    private const int SmallestMeasuredSide = 11;

    /// <summary>A copy.</summary>
    public SrPatchOptions Clone() => (SrPatchOptions)MemberwiseClone();

    private static ArgumentException Invalid(string option, string message) => new($"SrPatchOptions.{option}: {message}", option);
}
