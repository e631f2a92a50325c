namespace Gan.Torch.NN;

/// <summary>Hyperbolic tangent (PyTorch's <c>nn.Tanh</c>), the usual last layer of image generators.</summary>
public sealed class Tanh : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Tanh(input);
}
