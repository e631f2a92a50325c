using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Gan.Models.Gans.Lapgan;

/// <summary>
/// The image pyramid of Denton et al. 2015 (after Burt and Adelson 1983): d(·) halves an image's side, u(·) doubles
/// it, the Gaussian pyramid is I, d(I), d(d(I)), …, and the Laplacian pyramid keeps the coarsest image and the
/// band-pass residuals h_k = I_k − u(I_{k+1}), from which I = u(…u(I_coarse) + h…) + h_0 is rebuilt exactly.
/// Lists run coarse to fine throughout. Images are float [N, C, H, W].
/// </summary>
/// <remarks>
/// d is 2×2 average pooling and u bilinear interpolation (half-pixel centres): eyescream makes its pyramids with
/// Torch's <c>image.scale</c>, which is bilinear, and averaging is bilinear downscaling by exactly 2. Any d and u
/// reconstruct exactly, since h is defined as the difference; these keep the mean of every 2×2 block.
/// </remarks>
public static class LaplacianPyramid
{
    /// <summary>d(I): 2×2 averages, [N, C, H, W] → [N, C, H/2, W/2].</summary>
    public static Tensor Downsample(Tensor images) => avg_pool2d(images, 2);

    /// <summary>u(I): bilinear upsampling, [N, C, H, W] → [N, C, 2H, 2W].</summary>
    public static Tensor Upsample(Tensor images) => interpolate(images, scale_factor: [2, 2], mode: InterpolationMode.Bilinear, align_corners: false);

    /// <summary>The Gaussian pyramid of <paramref name="images"/> with <paramref name="levels"/> halvings: d^levels(I), …, d(I), I.</summary>
    /// <exception cref="ArgumentException">The images are not 4-D, or their sides do not halve evenly <paramref name="levels"/> times.</exception>
    public static IReadOnlyList<Tensor> Gaussian(Tensor images, int levels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        if (images.dim() != 4 || images.size(2) % (1L << levels) != 0 || images.size(3) % (1L << levels) != 0)
            throw new ArgumentException($"images [N, C, H, W] whose sides halve evenly {levels} times are needed, not [{string.Join(", ", images.shape)}]", nameof(images));
        var pyramid = new Tensor[levels + 1];
        pyramid[levels] = images;
        for (int k = levels - 1; k >= 0; k--) pyramid[k] = Downsample(pyramid[k + 1]);
        return pyramid;
    }

    /// <summary>The Laplacian pyramid: the coarsest image and the residuals h_k = I_k − u(I_{k+1}), coarse to fine.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Gaussian"/>.</exception>
    public static (Tensor Coarse, IReadOnlyList<Tensor> Residuals) Decompose(Tensor images, int levels)
    {
        var gaussian = Gaussian(images, levels);
        var residuals = new Tensor[levels];
        for (int k = 0; k < levels; k++) residuals[k] = gaussian[k + 1].sub(Upsample(gaussian[k]));
        return (gaussian[0], residuals);
    }

    /// <summary>Rebuilds the image: I_{k} = u(I_{k+1}) + h_k from the coarse image up.</summary>
    public static Tensor Reconstruct(Tensor coarse, IReadOnlyList<Tensor> residuals)
    {
        ArgumentNullException.ThrowIfNull(coarse);
        ArgumentNullException.ThrowIfNull(residuals);
        var image = coarse;
        foreach (var residual in residuals) image = Upsample(image).add(residual);
        return image;
    }
}
