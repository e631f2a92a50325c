using System.Globalization;
using Gan.Models.Gans.Lapgan;

namespace Gan.Models.Gans;

/// <summary>
/// The architecture and optimiser settings of a GAN, with every default in this one place. <see cref="Validate"/>
/// refuses what the chosen architecture cannot build before any tensor is allocated.
/// </summary>
public sealed class GanOptions
{
    /// <summary>The architecture. Default: <see cref="GanKind.ConditionalDcgan"/>.</summary>
    public GanKind Kind { get; set; } = GanKind.ConditionalDcgan;

    /// <summary>
    /// The shape of one sample: [C, H, W] for images (required by the DCGAN kinds: C of 1 or 3, H = W of 28, 32 or 64),
    /// or [F] for plain vectors (MLP kinds only). Default [1, 28, 28].
    /// </summary>
    public int[] SampleShape { get; set; } = [1, 28, 28];

    /// <summary>The number of classes the conditional kinds take as labels 0 … n−1 (at least 2); 0 for unconditional kinds.</summary>
    public int ClassCount { get; set; }

    /// <summary>The size of the noise vector z (for the LAPGAN kinds: the coarse level's z). Default 100 (as in the papers).</summary>
    public int LatentSize { get; set; } = 100;

    /// <summary>The pyramid of the LAPGAN kinds (levels, refinement widths); ignored by the other kinds.</summary>
    public LapganOptions Lapgan { get; set; } = new();

    /// <summary>
    /// The generator's base width; null picks the paper's: 128 for MLPs (hidden layers 128, 256, 512, 1024) and 64 for
    /// DCGAN (ngf: feature maps 8·64 → 64 from coarse to fine).
    /// </summary>
    public int? GeneratorWidth { get; set; }

    /// <summary>
    /// The discriminator's base width; null picks the paper's: 128 for MLPs (hidden layers 512, 256) and 64 for DCGAN
    /// (ndf: feature maps 64 → 8·64 from fine to coarse).
    /// </summary>
    public int? DiscriminatorWidth { get; set; }

    /// <summary>The size of the label embedding of the conditional kinds; null uses <see cref="ClassCount"/> (as PyTorch-GAN's CGAN does).</summary>
    public int? LabelEmbeddingSize { get; set; }

    /// <summary>The generator's objective. Default <see cref="GanLoss.NonSaturating"/>.</summary>
    public GanLoss Loss { get; set; } = GanLoss.NonSaturating;

    /// <summary>Adam's learning rate for G. Default 2e-4 (Radford et al. 2015).</summary>
    public double GeneratorLearningRate { get; set; } = 2e-4;

    /// <summary>Adam's learning rate for D. Default 2e-4.</summary>
    public double DiscriminatorLearningRate { get; set; } = 2e-4;

    /// <summary>Adam's β1 for both networks. Default 0.5 (Radford et al.: 0.9 oscillated).</summary>
    public double Beta1 { get; set; } = 0.5;

    /// <summary>Adam's β2 for both networks. Default 0.999.</summary>
    public double Beta2 { get; set; } = 0.999;

    /// <summary>Whether the kind takes labels.</summary>
    public bool IsConditional => Kind is GanKind.Conditional or GanKind.ConditionalDcgan or GanKind.ConditionalLapgan;

    /// <summary>Whether the kind is a LAPGAN pyramid (and so needs square [C, H, W] images that halve <see cref="LapganOptions.Levels"/> times).</summary>
    public bool IsPyramid => Kind is GanKind.Lapgan or GanKind.ConditionalLapgan;

    /// <summary>
    /// The length of the noise vector a generator takes: <see cref="LatentSize"/>, plus for the LAPGAN kinds one
    /// H×W noise plane per refinement level (<see cref="LapganOptions.NoisePlaneSize"/>).
    /// </summary>
    public int NoiseSize => IsPyramid ? LatentSize + Lapgan.NoisePlaneSize(SampleShape[1]) : LatentSize;

    /// <summary>Whether the kind is convolutional (and so needs [C, H, W] images).</summary>
    public bool IsConvolutional => Kind is GanKind.Dcgan or GanKind.ConditionalDcgan;

    /// <summary>The generator width in effect (<see cref="GeneratorWidth"/> or the kind's default).</summary>
    public int EffectiveGeneratorWidth => GeneratorWidth ?? (IsConvolutional ? 64 : 128);

    /// <summary>The discriminator width in effect (<see cref="DiscriminatorWidth"/> or the kind's default).</summary>
    public int EffectiveDiscriminatorWidth => DiscriminatorWidth ?? (IsConvolutional ? 64 : 128);

    /// <summary>The label embedding size in effect (<see cref="LabelEmbeddingSize"/> or <see cref="ClassCount"/>).</summary>
    public int EffectiveLabelEmbeddingSize => LabelEmbeddingSize ?? ClassCount;

    /// <summary>The number of values in one sample (the product of <see cref="SampleShape"/>).</summary>
    public long SampleSize => SampleShape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The DCGAN image sides the architecture supports.</summary>
    public static IReadOnlyList<int> ConvolutionalImageSizes { get; } = [28, 32, 64];

    /// <summary>Refuses settings the architecture cannot handle, naming the option and what it accepts.</summary>
    /// <exception cref="ArgumentException">An option is out of range or inconsistent with <see cref="Kind"/>.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind)) throw Invalid(nameof(Kind), $"{Kind} is not a GAN kind");
        if (!Enum.IsDefined(Loss)) throw Invalid(nameof(Loss), $"{Loss} is not a GAN loss");
        if (SampleShape is null || SampleShape.Length == 0 || SampleShape.Any(d => d <= 0))
            throw Invalid(nameof(SampleShape), $"must be [C, H, W] or [F] with positive sizes, not {ShapeText}");
        if (IsConvolutional)
        {
            if (SampleShape.Length != 3)
                throw Invalid(nameof(SampleShape), $"{Kind} needs images [C, H, W], not {ShapeText}; use {GanKind.Vanilla} or {GanKind.Conditional} for vectors");
            if (SampleShape[0] is not (1 or 3))
                throw Invalid(nameof(SampleShape), $"{Kind} takes 1 (gray) or 3 (RGB) channels, not {SampleShape[0]}");
            if (SampleShape[1] != SampleShape[2] || !ConvolutionalImageSizes.Contains(SampleShape[1]))
                throw Invalid(nameof(SampleShape), $"{Kind} takes square images of {string.Join(", ", ConvolutionalImageSizes)} px, not {SampleShape[1]}×{SampleShape[2]}; resize the images first");
        }
        else if (IsPyramid)
        {
            if (SampleShape.Length != 3 || SampleShape[0] is not (1 or 3) || SampleShape[1] != SampleShape[2])
                throw Invalid(nameof(SampleShape), $"{Kind} takes square gray or RGB images [1 or 3, S, S], not {ShapeText}");
            if (Lapgan is null) throw Invalid(nameof(Lapgan), $"{Kind} needs its pyramid options, not null");
            Lapgan.Validate(SampleShape[1]);
        }
        else if (SampleShape.Length is not (1 or 3))
        {
            throw Invalid(nameof(SampleShape), $"must be [C, H, W] or [F], not {ShapeText}");
        }
        if (IsConditional && ClassCount < 2)
            throw Invalid(nameof(ClassCount), $"{Kind} needs at least 2 classes, not {ClassCount}; set the label column or use an unconditional kind");
        if (!IsConditional && ClassCount != 0)
            throw Invalid(nameof(ClassCount), $"{Kind} is unconditional; ClassCount must be 0, not {ClassCount}");
        if (LatentSize <= 0) throw Invalid(nameof(LatentSize), $"must be positive, not {LatentSize}");
        if (GeneratorWidth <= 0) throw Invalid(nameof(GeneratorWidth), $"must be positive, not {GeneratorWidth}");
        if (DiscriminatorWidth <= 0) throw Invalid(nameof(DiscriminatorWidth), $"must be positive, not {DiscriminatorWidth}");
        if (LabelEmbeddingSize <= 0) throw Invalid(nameof(LabelEmbeddingSize), $"must be positive, not {LabelEmbeddingSize}");
        RequireRate(nameof(GeneratorLearningRate), GeneratorLearningRate);
        RequireRate(nameof(DiscriminatorLearningRate), DiscriminatorLearningRate);
        if (!(Beta1 >= 0 && Beta1 < 1)) throw Invalid(nameof(Beta1), $"must be in [0, 1), not {Beta1}");
        if (!(Beta2 >= 0 && Beta2 < 1)) throw Invalid(nameof(Beta2), $"must be in [0, 1), not {Beta2}");
    }

    /// <summary>A deep copy.</summary>
    public GanOptions Clone()
    {
        var copy = (GanOptions)MemberwiseClone();
        copy.SampleShape = [.. SampleShape];
        copy.Lapgan = Lapgan?.Clone()!;
        return copy;
    }

    /// <summary>The options as string pairs under "gan." keys (for safetensors metadata and model files).</summary>
    public IReadOnlyDictionary<string, string> ToMetadata()
    {
        var map = new Dictionary<string, string>
        {
            [Prefix + "kind"] = Kind.ToString(),
            [Prefix + "sample_shape"] = string.Join(",", SampleShape.Select(Text)),
            [Prefix + "classes"] = Text(ClassCount),
            [Prefix + "latent_size"] = Text(LatentSize),
            [Prefix + "loss"] = Loss.ToString(),
            [Prefix + "g_lr"] = Text(GeneratorLearningRate),
            [Prefix + "d_lr"] = Text(DiscriminatorLearningRate),
            [Prefix + "beta1"] = Text(Beta1),
            [Prefix + "beta2"] = Text(Beta2),
        };
        if (GeneratorWidth is int g) map[Prefix + "g_width"] = Text(g);
        if (DiscriminatorWidth is int d) map[Prefix + "d_width"] = Text(d);
        if (LabelEmbeddingSize is int e) map[Prefix + "label_embedding"] = Text(e);
        if (IsPyramid)
        {
            map[Prefix + "lapgan.levels"] = Text(Lapgan.Levels);
            map[Prefix + "lapgan.g_width"] = Text(Lapgan.GeneratorWidth);
            map[Prefix + "lapgan.d_width"] = Text(Lapgan.DiscriminatorWidth);
        }
        return map;
    }

    /// <summary>Reads options written by <see cref="ToMetadata"/> and validates them.</summary>
    /// <exception cref="FormatException">A key is missing or a value does not parse; the message names the key.</exception>
    /// <exception cref="ArgumentException">The values parse but describe options <see cref="Validate"/> refuses.</exception>
    public static GanOptions FromMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var options = new GanOptions
        {
            Kind = ParseEnum<GanKind>(metadata, "kind"),
            SampleShape = [.. Required(metadata, "sample_shape").Split(',').Select(s => ParseInt("sample_shape", s))],
            ClassCount = ParseInt("classes", Required(metadata, "classes")),
            LatentSize = ParseInt("latent_size", Required(metadata, "latent_size")),
            Loss = ParseEnum<GanLoss>(metadata, "loss"),
            GeneratorLearningRate = ParseDouble(metadata, "g_lr"),
            DiscriminatorLearningRate = ParseDouble(metadata, "d_lr"),
            Beta1 = ParseDouble(metadata, "beta1"),
            Beta2 = ParseDouble(metadata, "beta2"),
            GeneratorWidth = Optional(metadata, "g_width"),
            DiscriminatorWidth = Optional(metadata, "d_width"),
            LabelEmbeddingSize = Optional(metadata, "label_embedding"),
        };
        if (options.IsPyramid)
        {
            options.Lapgan = new LapganOptions
            {
                Levels = ParseInt("lapgan.levels", Required(metadata, "lapgan.levels")),
                GeneratorWidth = ParseInt("lapgan.g_width", Required(metadata, "lapgan.g_width")),
                DiscriminatorWidth = ParseInt("lapgan.d_width", Required(metadata, "lapgan.d_width")),
            };
        }
        options.Validate();
        return options;
    }

    private const string Prefix = "gan.";

    private string ShapeText => SampleShape is null ? "null" : $"[{string.Join(", ", SampleShape)}]";

    private static ArgumentException Invalid(string option, string message) =>
        new($"GanOptions.{option}: {message}", option);

    private static void RequireRate(string option, double value)
    {
        if (!(value > 0 && double.IsFinite(value))) throw Invalid(option, $"must be a positive finite number, not {value}");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Required(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(Prefix + key, out var value) ? value : throw new FormatException($"GAN options: missing '{Prefix}{key}'");

    private static int? Optional(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(Prefix + key, out var value) ? ParseInt(key, value) : null;

    private static int ParseInt(string key, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new FormatException($"GAN options: '{Prefix}{key}' = '{text}' is not an integer");

    private static double ParseDouble(IReadOnlyDictionary<string, string> metadata, string key)
    {
        string text = Required(metadata, key);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FormatException($"GAN options: '{Prefix}{key}' = '{text}' is not a number");
    }

    // Names only from the closed enum (never a type name): unknown text is a format error, not a lookup.
    private static T ParseEnum<T>(IReadOnlyDictionary<string, string> metadata, string key) where T : struct, Enum
    {
        string text = Required(metadata, key);
        foreach (var value in Enum.GetValues<T>())
        {
            if (value.ToString() == text) return value;
        }
        throw new FormatException($"GAN options: '{Prefix}{key}' = '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
    }
}
