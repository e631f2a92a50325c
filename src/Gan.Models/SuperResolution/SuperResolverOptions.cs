namespace Gan.Models.SuperResolution;

/// <summary>How <see cref="SuperResolver"/> cuts images into tiles, with every default in this one place.</summary>
public sealed class SuperResolverOptions
{
    /// <summary>
    /// The side of the square region of the input each tile produces (its core), in input pixels. Every tile is read
    /// with <see cref="Overlap"/> pixels of context on each side, which the network computes again for the neighbouring
    /// tile: the larger the tile, the smaller that share (at an overlap of 24: 2.25× the pixels for 96-pixel tiles,
    /// 1.2× for 512), and an image no larger than one tile runs whole, with no overlap at all. Default null:
    /// <see cref="AutoTileOutputSide"/> / scale (512 input pixels at ×2, 256 at ×4), so that a tile's output is at most
    /// 1024² pixels, where an 8-block, 32-channel SRResNet's largest activations are ≈ 130 MB each.
    /// </summary>
    public int? TileSize { get; set; }

    /// <summary>The output side of the default tile (<see cref="TileSize"/> null): 1024 output pixels.</summary>
    public const int AutoTileOutputSide = 1024;

    /// <summary>
    /// Input pixels of context added on each side of a tile's core and cropped from its output. At least the
    /// network's <see cref="SrResNet.ReceptiveRadius"/>, the result equals untiled inference up to float rounding; less
    /// is faster and approximate near tile seams. Default null: the receptive radius.
    /// </summary>
    public int? Overlap { get; set; }

    /// <summary>
    /// How many tiles of the same size (from one image or several) run through the network together. Default null:
    /// small tiles, of at most 1/<see cref="SmallTileShare"/> of a full tile's pixels ((TileSize + 2 × overlap)²), as
    /// many as fit in one full tile; larger ones one per call. Small tiles are where batching pays: each call has a
    /// fixed cost per layer that their computation does not hide. Larger tiles gain nothing from it, and batching them
    /// would make the memory a job needs depend on which same-sized images happen to meet (two 382 × 382 photos
    /// together need 1.3× the activations of the largest photo alone). Memory stays bounded by one full tile whatever
    /// the images. A number n: up to n tiles per call, whatever their size (memory: n full tiles).
    /// </summary>
    public int? BatchSize { get; set; }

    /// <summary>With <see cref="BatchSize"/> null, tiles of at most 1/16 of a full tile's pixels share calls.</summary>
    public const int SmallTileShare = 16;

    /// <summary>Refuses settings the resolver cannot use, naming the option.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (TileSize is < 1) throw Invalid(nameof(TileSize), $"must be null (automatic) or at least 1, not {TileSize}");
        if (Overlap is < 0) throw Invalid(nameof(Overlap), $"must be null (the receptive radius) or at least 0, not {Overlap}");
        if (BatchSize is < 1) throw Invalid(nameof(BatchSize), $"must be null (automatic) or at least 1, not {BatchSize}");
    }

    /// <summary>A copy.</summary>
    public SuperResolverOptions Clone() => (SuperResolverOptions)MemberwiseClone();

    private static ArgumentException Invalid(string option, string message) => new($"SuperResolverOptions.{option}: {message}", option);
}
