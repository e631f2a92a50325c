namespace Gan.Torch.NN;

/// <summary>Logistic sigmoid (PyTorch's <c>nn.Sigmoid</c>), e.g. the last layer of a discriminator trained with BCE.</summary>
public sealed class Sigmoid : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Sigmoid(input);
}
