namespace Gan.Torch.NN;

/// <summary>x for x ≥ 0, negativeSlope × x otherwise (PyTorch's <c>nn.LeakyReLU</c>); DCGAN discriminators use 0.2.</summary>
public sealed class LeakyReLU(double negativeSlope = 0.01) : Module<Tensor, Tensor>
{
    /// <summary>The slope for negative inputs.</summary>
    public double NegativeSlope { get; } = negativeSlope;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.LeakyRelu(input, NegativeSlope);
}
