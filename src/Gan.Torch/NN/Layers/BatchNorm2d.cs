namespace Gan.Torch.NN;

/// <summary>Batch normalisation of (N, C, H, W) images (PyTorch's <c>nn.BatchNorm2d</c>), e.g. in DCGAN and SRResNet.</summary>
public sealed class BatchNorm2d : BatchNorm
{
    /// <inheritdoc cref="BatchNorm(long, double, double?, bool, bool)"/>
    public BatchNorm2d(long numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
        bool trackRunningStats = true)
        : base(numFeatures, eps, momentum, affine, trackRunningStats)
    {
    }

    /// <inheritdoc/>
    protected override void CheckInput(Tensor input)
    {
        if (input.Dim != 4)
            throw new ArgumentException($"BatchNorm2d expects a 4-D (N, C, H, W) input, got shape {input.ShapeText}", nameof(input));
    }
}
