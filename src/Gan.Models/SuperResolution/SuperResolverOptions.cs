namespace Gan.Models.SuperResolution;

/// <summary>How <see cref="SuperResolver"/> cuts images into tiles, with every default in this one place.</summary>
public sealed class SuperResolverOptions
{
    /// <summary>
    /// The side of the square region of the input each tile produces (its core), in input pixels. Memory is bounded by
    /// <see cref="BatchSize"/> tiles of (TileSize + 2 × overlap)² pixels through the network, whatever the image size.
    /// Default 96.
    /// </summary>
    public int TileSize { get; set; } = 96;

    /// <summary>
    /// Input pixels of context added on each side of a tile's core and cropped from its output. At least the
    /// network's <see cref="SrResNet.ReceptiveRadius"/>, the result equals untiled inference up to float rounding; less
    /// is faster and approximate near tile seams. Default null: the receptive radius.
    /// </summary>
    public int? Overlap { get; set; }

    /// <summary>Tiles of the same size run through the network together, up to this many at a time. Default 4.</summary>
    public int BatchSize { get; set; } = 4;

    /// <summary>Refuses settings the resolver cannot use, naming the option.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (TileSize < 1) throw Invalid(nameof(TileSize), $"must be at least 1, not {TileSize}");
        if (Overlap is < 0) throw Invalid(nameof(Overlap), $"must be null (the receptive radius) or at least 0, not {Overlap}");
        if (BatchSize < 1) throw Invalid(nameof(BatchSize), $"must be at least 1, not {BatchSize}");
    }

    /// <summary>A copy.</summary>
    public SuperResolverOptions Clone() => (SuperResolverOptions)MemberwiseClone();

    private static ArgumentException Invalid(string option, string message) => new($"SuperResolverOptions.{option}: {message}", option);
}
