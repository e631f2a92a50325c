namespace Gan.Imaging;

/// <summary>Interpolation of <see cref="Image.Resize"/> (OpenCV's cv::resize, pixel centres at half-integers).</summary>
public enum ResizeMethod
{
    /// <summary>Nearest neighbour: destination pixel x takes source pixel floor(x · srcWidth / dstWidth).</summary>
    Nearest = 0,
    /// <summary>Bilinear over the 2×2 neighbourhood, borders replicated.</summary>
    Bilinear = 1,
    /// <summary>Bicubic (Keys kernel, a = −0.75) over the 4×4 neighbourhood, borders replicated.</summary>
    Bicubic = 2,
    /// <summary>Area averaging: each destination pixel is the mean of the source pixels it covers (best for shrinking).</summary>
    Area = 3,
}
