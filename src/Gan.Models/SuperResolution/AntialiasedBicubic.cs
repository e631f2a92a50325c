using Gan.Imaging;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.SuperResolution;

/// <summary>
/// MATLAB-style bicubic resizing of float images: the cubic convolution kernel with a = −0.5 (Keys 1981), widened by
/// the shrink factor when downscaling so that it low-pass filters instead of aliasing.
/// </summary>
/// <remarks>
/// That is what MATLAB's imresize does by default, and how the SR literature makes its low-resolution inputs. It runs
/// libtorch's antialiased bicubic interpolation, which is this filter; at the image border it renormalises the kernel
/// weights that fall inside the image where MATLAB mirrors the image, so results differ in the outer two pixels only
/// (which the SR metrics crop). Upscaling Set14's MATLAB-made LR images with it gives the published bicubic PSNR-Y
/// (AntialiasedBicubicTests).
/// </remarks>
public static class AntialiasedBicubic
{
    /// <summary>Resizes float images [N, C, H, W] to <paramref name="height"/> × <paramref name="width"/>; values are not clamped.</summary>
    /// <exception cref="ArgumentException">The input is not 4-D or not floating point, or a size is below 1.</exception>
    public static Tensor Resize(Tensor images, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4) throw new ArgumentException($"images must be [N, C, H, W], got {ShapeText.Of(images)}", nameof(images));
        if (!is_floating_point(images)) throw new ArgumentException($"images must be floating point, got {images.dtype}", nameof(images));
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        return nn.functional.interpolate(images, [height, width], mode: InterpolationMode.Bicubic, align_corners: false, antialias: true);
    }

    /// <summary>Resizes float images [N, C, H, W] by an integer <paramref name="factor"/> (upscaling).</summary>
    public static Tensor Upscale(Tensor images, int factor)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        return Resize(images, checked((int)images.size(-2) * factor), checked((int)images.size(-1) * factor));
    }

    /// <summary>Shrinks float images [N, C, H, W] whose sides are multiples of <paramref name="factor"/> by that factor.</summary>
    /// <exception cref="ArgumentException">A side is not a multiple of the factor.</exception>
    public static Tensor Downscale(Tensor images, int factor)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        if (images.dim() != 4 || images.size(2) % factor != 0 || images.size(3) % factor != 0)
            throw new ArgumentException($"images must be [N, C, H, W] with H and W multiples of {factor}, got {ShapeText.Of(images)}", nameof(images));
        return Resize(images, (int)(images.size(2) / factor), (int)(images.size(3) / factor));
    }

    /// <summary>Resizes an 8-bit image (every channel, alpha included) to <paramref name="width"/> × <paramref name="height"/>, rounding to 8 bits: the bicubic baseline of SR papers.</summary>
    public static Image Resize(Image image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var scope = NewDisposeScope();
        return ImageTensors.ToImage(Resize(ImageTensors.FromImage(image), height, width));
    }
}
