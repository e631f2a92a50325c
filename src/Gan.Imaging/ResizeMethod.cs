namespace Gan.Imaging;

/// <summary>Interpolation of <see cref="Image.Resize"/>: Skia's samplers, pixel centres at half-integers, edges clamped.</summary>
public enum ResizeMethod
{
    /// <summary>
    /// Nearest neighbour: the source pixel under the destination pixel's centre, column ⌈(x + ½) · srcWidth / dstWidth⌉ − 1
    /// (a centre on a boundary takes the pixel before it; Skia's nearest filter). OpenCV took ⌊x · srcWidth / dstWidth⌋:
    /// the same for whole-number enlargements, up to one pixel apart otherwise.
    /// </summary>
    Nearest = 0,
    /// <summary>Bilinear over the 2×2 neighbourhood (Skia's linear filter).</summary>
    Bilinear = 1,
    /// <summary>Bicubic over the 4×4 neighbourhood: the Keys kernel with a = −0.75, as OpenCV's (Skia's cubic resampler with B = 0, C = 0.75).</summary>
    Bicubic = 2,
    /// <summary>
    /// For shrinking: approximately the mean of the source pixels each destination pixel covers. Skia has no area
    /// filter; the closest is its mipmaps (box-filtered halvings of the image, each rounded to 8 bits), sampled
    /// bilinearly and blended between the two nearest levels. Halving gives the exact 2×2 block means; other factors
    /// come within a few levels of the exact means (docs/benchmarks.md). Enlarging is the same as <see cref="Bilinear"/>.
    /// </summary>
    Area = 3,
}
