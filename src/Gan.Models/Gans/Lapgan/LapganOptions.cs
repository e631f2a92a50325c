namespace Gan.Models.Gans.Lapgan;

/// <summary>
/// The pyramid of the LAPGAN kinds, with its defaults in this one place (the coarse GAN's widths, the latent size, the
/// loss and the optimiser settings stay in <see cref="GanOptions"/>). An S-pixel image has <see cref="Levels"/>
/// refinement levels above a coarse image of S / 2^Levels pixels: the default on 32-px images is 8 → 16 → 32, the
/// paper's CIFAR-10 pyramid.
/// </summary>
public sealed class LapganOptions
{
    /// <summary>The smallest coarse image side: the coarse MLP GAN needs a few pixels to make a recognisable image.</summary>
    public const int MinimumCoarseSide = 4;

    /// <summary>Refinement levels, each doubling the side (at least 1). Default 2 (8 → 16 → 32 on 32-px images).</summary>
    public int Levels { get; set; } = 2;

    /// <summary>
    /// Feature maps of every refinement generator's hidden convolutions. Default 64 (eyescream's CIFAR models use 128;
    /// halved to fit CPU budgets, see docs/lapgan.md).
    /// </summary>
    public int GeneratorWidth { get; set; } = 64;

    /// <summary>Feature maps of every refinement discriminator's convolutions. Default 64 (eyescream: 128).</summary>
    public int DiscriminatorWidth { get; set; } = 64;

    /// <summary>A copy.</summary>
    public LapganOptions Clone() => (LapganOptions)MemberwiseClone();

    /// <summary>The image sides of the pyramid for an <paramref name="imageSide"/>-pixel image, coarse first (e.g. 8, 16, 32).</summary>
    public IReadOnlyList<int> Sides(int imageSide) =>
        [.. Enumerable.Range(0, Levels + 1).Select(k => imageSide >> (Levels - k))];

    /// <summary>The noise the refinement levels take: one plane of side² values per level (16² + 32² for 8 → 16 → 32).</summary>
    public int NoisePlaneSize(int imageSide) => Sides(imageSide).Skip(1).Sum(side => side * side);

    /// <summary>Refuses a pyramid that cannot be built for <paramref name="imageSide"/>-pixel images, naming the option.</summary>
    /// <exception cref="ArgumentException">An option is out of range, or the side does not halve evenly <see cref="Levels"/> times.</exception>
    public void Validate(int imageSide)
    {
        if (Levels < 1) throw Invalid(nameof(Levels), $"must be at least 1, not {Levels}");
        if (GeneratorWidth <= 0) throw Invalid(nameof(GeneratorWidth), $"must be positive, not {GeneratorWidth}");
        if (DiscriminatorWidth <= 0) throw Invalid(nameof(DiscriminatorWidth), $"must be positive, not {DiscriminatorWidth}");
        int scale = Levels < 30 ? 1 << Levels : int.MaxValue;
        if (imageSide % scale != 0 || imageSide / scale < MinimumCoarseSide)
            throw Invalid(nameof(Levels),
                $"{Levels} levels need an image side that halves evenly {Levels} times to a coarse image of at least {MinimumCoarseSide} px, " +
                $"not {imageSide} px (e.g. pad 28-px images to 32, or use fewer levels)");
    }

    private static ArgumentException Invalid(string option, string message) =>
        new($"GanOptions.Lapgan.{option}: {message}", option);
}
