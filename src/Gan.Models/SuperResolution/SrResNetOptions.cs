using System.Globalization;
using Gan.Models.Training;

namespace Gan.Models.SuperResolution;

/// <summary>
/// The architecture of an <see cref="SrResNet"/>, with every default in this one place. Images go in and come out
/// as float32 RGB (or gray) in [0, 1]; the output is <see cref="Scale"/> times larger on each side.
/// <see cref="Validate"/> names the option it refuses.
/// </summary>
public sealed class SrResNetOptions
{
    /// <summary>Upscaling factor: 2 (one PixelShuffle stage) or 4 (two). Default 4, SRGAN's.</summary>
    public int Scale { get; set; } = 4;

    /// <summary>Residual blocks in the trunk. Default 16 (Ledig et al. 2017).</summary>
    public int BlockCount { get; set; } = 16;

    /// <summary>Feature channels of the trunk. Default 64 (Ledig et al. 2017).</summary>
    public int Width { get; set; } = 64;

    /// <summary>Image channels in and out: 3 (RGB) or 1 (gray). Default 3.</summary>
    public int Channels { get; set; } = 3;

    /// <summary>
    /// Whether the residual blocks and the trunk's last convolution use BatchNorm, as in Ledig et al. Default false:
    /// EDSR (Lim et al. 2017) showed that removing it improves SR (BN normalises away the range of the features and
    /// costs memory and time), and without it an output pixel depends on its own neighbourhood only, never on the
    /// other tiles of a batch, so tiled inference is exact by construction. With true, inference runs BatchNorm on its
    /// running statistics (eval mode), which is also batch-independent.
    /// </summary>
    public bool BatchNorm { get; set; }

    /// <summary>
    /// Each block's residual branch is multiplied by this before the skip is added (EDSR's residual scaling, which
    /// keeps wide networks stable). Default 1 (no scaling): at SRResNet's width training is stable without it.
    /// </summary>
    public double ResidualScaling { get; set; } = 1.0;

    /// <summary>
    /// Whether the network adds the bicubic upsample of its input to its output (a global residual, as in VDSR), so it
    /// learns only the missing detail. Default true: from initialisation the output is already bicubic instead of noise,
    /// which on a CPU budget of a few thousand steps reaches and passes bicubic PSNR far sooner than predicting the whole
    /// image.
    /// </summary>
    public bool BicubicResidual { get; set; } = true;

    /// <summary>Refuses settings the network cannot be built with, naming the option.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (Scale is not (2 or 4)) throw Invalid(nameof(Scale), $"must be 2 or 4, not {Scale}");
        if (BlockCount < 1) throw Invalid(nameof(BlockCount), $"must be at least 1, not {BlockCount}");
        if (Width < 1) throw Invalid(nameof(Width), $"must be at least 1, not {Width}");
        if (Channels is not (1 or 3)) throw Invalid(nameof(Channels), $"must be 1 (gray) or 3 (RGB), not {Channels}");
        if (!(ResidualScaling > 0 && ResidualScaling <= 1))
            throw Invalid(nameof(ResidualScaling), $"must be in (0, 1], not {ResidualScaling}");
    }

    /// <summary>A copy.</summary>
    public SrResNetOptions Clone() => (SrResNetOptions)MemberwiseClone();

    /// <summary>The options as string pairs under "srresnet." keys (safetensors metadata), with the network kind.</summary>
    public IReadOnlyDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        [Prefix + "kind"] = KindValue,
        [Prefix + "scale"] = Text(Scale),
        [Prefix + "blocks"] = Text(BlockCount),
        [Prefix + "width"] = Text(Width),
        [Prefix + "channels"] = Text(Channels),
        [Prefix + "batch_norm"] = BatchNorm ? "true" : "false",
        [Prefix + "residual_scaling"] = ResidualScaling.ToString("R", CultureInfo.InvariantCulture),
        [Prefix + "bicubic_residual"] = BicubicResidual ? "true" : "false",
    };

    /// <summary>Reads options written by <see cref="ToMetadata"/> and validates them.</summary>
    /// <exception cref="FormatException">A key is missing, the kind is not SRResNet, or a value does not parse; the message names the key.</exception>
    /// <exception cref="ArgumentException">The values parse but <see cref="Validate"/> refuses them.</exception>
    public static SrResNetOptions FromMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var read = new OptionsMetadataReader(metadata, Prefix, "SRResNet options");
        string kind = read.Text("kind");
        // A closed list of one: the file names what it is, never a type to instantiate.
        if (kind != KindValue)
            throw new FormatException($"SRResNet options: '{Prefix}kind' = '{kind}' is not '{KindValue}'");
        var options = new SrResNetOptions
        {
            Scale = read.Int("scale"),
            BlockCount = read.Int("blocks"),
            Width = read.Int("width"),
            Channels = read.Int("channels"),
            BatchNorm = read.Bool("batch_norm"),
            ResidualScaling = read.Double("residual_scaling"),
            BicubicResidual = read.Bool("bicubic_residual"),
        };
        options.Validate();
        return options;
    }

    private const string Prefix = "srresnet.";
    private const string KindValue = "SrResNet";

    private static ArgumentException Invalid(string option, string message) => new($"SrResNetOptions.{option}: {message}", option);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
