namespace Gan.Torch.NN;

/// <summary>
/// Rearranges (N, C × r², H, W) into (N, C, H × r, W × r): the sub-pixel upsampler of ESPCN and SRGAN (PyTorch's
/// <c>nn.PixelShuffle</c>).
/// </summary>
public sealed class PixelShuffle : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer for factor <paramref name="upscaleFactor"/> (r).</summary>
    public PixelShuffle(int upscaleFactor)
    {
        DefaultInitialization.RequirePositive(upscaleFactor, nameof(upscaleFactor));
        UpscaleFactor = upscaleFactor;
    }

    /// <summary>The factor r.</summary>
    public int UpscaleFactor { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.PixelShuffle(input, UpscaleFactor);
}
