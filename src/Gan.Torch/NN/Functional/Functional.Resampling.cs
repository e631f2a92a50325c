using Gan.Torch.Native;

namespace Gan.Torch.NN;

// Changing spatial resolution: interpolation and pixel (un)shuffling.
public static partial class Functional
{
    /// <summary>Resizes images (N, C, H, W) to <paramref name="size"/> (PyTorch's interpolate with size=).</summary>
    /// <param name="input">Shape (N, C, H, W).</param>
    /// <param name="size">Output (height, width), both at least 1.</param>
    /// <param name="mode">Nearest, bilinear or bicubic.</param>
    /// <param name="alignCorners">Bilinear/bicubic only: map the corner pixels' centres onto each other instead of the
    /// corner pixels' outer edges (PyTorch's align_corners).</param>
    /// <param name="antialias">Bilinear/bicubic only: low-pass filter when downsampling (PIL-like results).</param>
    /// <exception cref="ArgumentException">The input is not 4-D, or an option does not apply to the mode.</exception>
    public static Tensor Interpolate(Tensor input, (int Height, int Width) size,
        InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false, bool antialias = false)
    {
        CheckInterpolation(input, mode, alignCorners, antialias);
        RequireAtLeast(size, 1, nameof(size));
        return Tensor.Wrap(NativeMethods.gan_interpolate2d(input.Handle, size.Height, size.Width, (int)mode,
            Tensor.Flag(alignCorners), Tensor.Flag(antialias), out var r), r);
    }

    /// <summary>
    /// Rescales images (N, C, H, W) by <paramref name="scaleFactor"/> (PyTorch's interpolate with scale_factor=): the
    /// output is floor(H × s) × floor(W × s) and, as in PyTorch, pixel positions are mapped with the scale factor itself.
    /// </summary>
    /// <param name="input">Shape (N, C, H, W).</param>
    /// <param name="scaleFactor">Multiplier of height and width, greater than 0.</param>
    /// <param name="mode">Nearest, bilinear or bicubic.</param>
    /// <param name="alignCorners">Bilinear/bicubic only; see the size overload.</param>
    /// <param name="antialias">Bilinear/bicubic only: low-pass filter when downsampling.</param>
    /// <exception cref="ArgumentException">The input is not 4-D, the output would be empty, or an option does not apply to the mode.</exception>
    public static Tensor Interpolate(Tensor input, double scaleFactor,
        InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false, bool antialias = false)
    {
        CheckInterpolation(input, mode, alignCorners, antialias);
        if (!(scaleFactor > 0) || double.IsInfinity(scaleFactor))
            throw new ArgumentOutOfRangeException(nameof(scaleFactor), scaleFactor, $"scaleFactor must be positive and finite, got {scaleFactor}");
        if (Math.Floor(input.Size(2) * scaleFactor) < 1 || Math.Floor(input.Size(3) * scaleFactor) < 1)
            throw new ArgumentOutOfRangeException(nameof(scaleFactor), scaleFactor,
                $"scaleFactor {scaleFactor} turns input {input.ShapeText} into an empty image");
        return Tensor.Wrap(NativeMethods.gan_interpolate2d_scale(input.Handle, scaleFactor, scaleFactor, (int)mode,
            Tensor.Flag(alignCorners), Tensor.Flag(antialias), out var r), r);
    }

    private static void CheckInterpolation(Tensor input, InterpolationMode mode, bool alignCorners, bool antialias)
    {
        RequireDims(input, "Interpolate (batch, channels, height, width)", 4);
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"unknown interpolation mode {mode}");
        if (mode == InterpolationMode.Nearest && alignCorners)
            throw new ArgumentException("alignCorners applies to bilinear and bicubic interpolation only", nameof(alignCorners));
        if (mode == InterpolationMode.Nearest && antialias)
            throw new ArgumentException("antialias applies to bilinear and bicubic interpolation only", nameof(antialias));
    }

    /// <summary>Rearranges (*, C × r², H, W) into (*, C, H × r, W × r): the sub-pixel convolution upsampler of ESPCN and SRGAN.</summary>
    /// <exception cref="ArgumentException">The factor is below 1, or the channels are not a multiple of r².</exception>
    public static Tensor PixelShuffle(Tensor input, int upscaleFactor)
    {
        RequireAtLeast(upscaleFactor, 1, nameof(upscaleFactor));
        if (input.Dim < 3 || input.Size(-3) % ((long)upscaleFactor * upscaleFactor) != 0)
            throw new ArgumentException(
                $"PixelShuffle by {upscaleFactor} needs an input (*, C, H, W) whose C is a multiple of {upscaleFactor * upscaleFactor}, got {input.ShapeText}",
                nameof(input));
        return Tensor.Wrap(NativeMethods.gan_pixel_shuffle(input.Handle, upscaleFactor, out var r), r);
    }

    /// <summary>The inverse of <see cref="PixelShuffle"/>: (*, C, H × r, W × r) into (*, C × r², H, W).</summary>
    /// <exception cref="ArgumentException">The factor is below 1, or H or W is not a multiple of it.</exception>
    public static Tensor PixelUnshuffle(Tensor input, int downscaleFactor)
    {
        RequireAtLeast(downscaleFactor, 1, nameof(downscaleFactor));
        if (input.Dim < 3 || input.Size(-1) % downscaleFactor != 0 || input.Size(-2) % downscaleFactor != 0)
            throw new ArgumentException(
                $"PixelUnshuffle by {downscaleFactor} needs an input (*, C, H, W) whose H and W are multiples of {downscaleFactor}, got {input.ShapeText}",
                nameof(input));
        return Tensor.Wrap(NativeMethods.gan_pixel_unshuffle(input.Handle, downscaleFactor, out var r), r);
    }
}
