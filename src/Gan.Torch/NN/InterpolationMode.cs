namespace Gan.Torch.NN;

/// <summary>How <c>Functional.Interpolate</c> and <c>Upsample</c> compute new pixels.</summary>
public enum InterpolationMode
{
    /// <summary>Copies the nearest input pixel (PyTorch's "nearest").</summary>
    Nearest = 0,
    /// <summary>Linear in each spatial direction (PyTorch's "bilinear").</summary>
    Bilinear = 1,
    /// <summary>Cubic convolution, a = −0.75, in each spatial direction (PyTorch's "bicubic").</summary>
    Bicubic = 2,
}
