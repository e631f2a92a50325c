namespace Gan.Torch.NN;

/// <summary>
/// Scales images (N, C, H, W) by a factor with nearest, bilinear or bicubic interpolation (PyTorch's <c>nn.Upsample</c>
/// with scale_factor): the output is floor(H × s) × floor(W × s).
/// </summary>
public sealed class Upsample : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="scaleFactor">Multiplier of height and width, greater than 0.</param>
    /// <param name="mode">Nearest (the default), bilinear or bicubic.</param>
    /// <param name="alignCorners">Bilinear/bicubic only: align the corner pixels' centres.</param>
    public Upsample(double scaleFactor, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false)
    {
        if (!(scaleFactor > 0) || double.IsInfinity(scaleFactor))
            throw new ArgumentOutOfRangeException(nameof(scaleFactor), scaleFactor, $"scaleFactor must be positive and finite, got {scaleFactor}");
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"unknown interpolation mode {mode}");
        if (mode == InterpolationMode.Nearest && alignCorners)
            throw new ArgumentException("alignCorners applies to bilinear and bicubic interpolation only", nameof(alignCorners));
        ScaleFactor = scaleFactor;
        Mode = mode;
        AlignCorners = alignCorners;
    }

    /// <summary>Multiplier of height and width.</summary>
    public double ScaleFactor { get; }
    /// <summary>Interpolation mode.</summary>
    public InterpolationMode Mode { get; }
    /// <summary>Whether corner pixels' centres are aligned.</summary>
    public bool AlignCorners { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Interpolate(input, ScaleFactor, Mode, AlignCorners);
}
