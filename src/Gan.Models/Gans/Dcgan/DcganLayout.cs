namespace Gan.Models.Gans.Dcgan;

/// <summary>
/// The layers of the DCGAN pair for one image side, in the generator's order (1×1 noise map → image); the
/// discriminator runs the same list backwards (image → 1×1 logit map), so both networks mirror each other.
/// </summary>
/// <remarks>
/// 64 px is the PyTorch DCGAN example: 1 → 4 (k4 s1 p0), then k4 s2 p1 doublings 4 → 8 → 16 → 32 → 64 with
/// 8w, 4w, 2w, w feature maps. 32 px drops the 64-px stage (1 → 4 → 8 → 16 → 32 with 4w, 2w, w), the usual
/// CIFAR-10 DCGAN. 28 px cannot be reached by doublings from 4, so it starts at 7×7 (k7 s1 p0), refines at 7×7 with
/// a k3 s1 p1 layer and doubles twice, 7 → 14 → 28 (4w, 2w, w): the map sizes and widths of TensorFlow's DCGAN
/// tutorial for MNIST; that keeps four layers and the widths of the 32-px layout. docs/gans.md has the tables.
/// </remarks>
internal sealed class DcganLayout
{
    private static readonly DcganLayer Doubling = new(Kernel: 4, Stride: 2, Padding: 1, WidthMultiplier: 0);

    private DcganLayout(params DcganLayer[] layers) => Layers = layers;

    /// <summary>The layers in the generator's order; the last one outputs the image.</summary>
    public IReadOnlyList<DcganLayer> Layers { get; }

    /// <summary>The layout for the images of <paramref name="options"/>, which must be a DCGAN kind.</summary>
    /// <exception cref="ArgumentException">The options are not a DCGAN kind.</exception>
    public static DcganLayout For(GanOptions options)
    {
        if (!options.IsConvolutional) throw new ArgumentException($"{options.Kind} is not a DCGAN kind", nameof(options));
        return For(options.SampleShape[1]);
    }

    /// <summary>The layout for square images of <paramref name="side"/> pixels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The side is not one of <see cref="GanOptions.ConvolutionalImageSizes"/>.</exception>
    public static DcganLayout For(int side) => side switch
    {
        28 => new(new DcganLayer(7, 1, 0, 4), new DcganLayer(3, 1, 1, 2), Doubling with { WidthMultiplier = 1 }, Doubling),
        32 => new(new DcganLayer(4, 1, 0, 4), Doubling with { WidthMultiplier = 2 }, Doubling with { WidthMultiplier = 1 }, Doubling),
        64 => new(new DcganLayer(4, 1, 0, 8), Doubling with { WidthMultiplier = 4 }, Doubling with { WidthMultiplier = 2 },
            Doubling with { WidthMultiplier = 1 }, Doubling),
        _ => throw new ArgumentOutOfRangeException(nameof(side), side,
            $"DCGAN takes image sides of {string.Join(", ", GanOptions.ConvolutionalImageSizes)} px, not {side}"),
    };
}
