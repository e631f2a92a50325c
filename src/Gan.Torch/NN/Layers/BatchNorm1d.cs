namespace Gan.Torch.NN;

/// <summary>Batch normalisation of (N, C) or (N, C, L) inputs (PyTorch's <c>nn.BatchNorm1d</c>), e.g. in MLP generators.</summary>
public sealed class BatchNorm1d : BatchNorm
{
    /// <inheritdoc cref="BatchNorm(long, double, double?, bool, bool)"/>
    public BatchNorm1d(long numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
        bool trackRunningStats = true)
        : base(numFeatures, eps, momentum, affine, trackRunningStats)
    {
    }

    /// <inheritdoc/>
    protected override void CheckInput(Tensor input)
    {
        if (input.Dim is not (2 or 3))
            throw new ArgumentException($"BatchNorm1d expects a 2-D (N, C) or 3-D (N, C, L) input, got shape {input.ShapeText}", nameof(input));
    }
}
