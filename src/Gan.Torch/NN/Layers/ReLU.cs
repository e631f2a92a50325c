namespace Gan.Torch.NN;

/// <summary>max(x, 0) (PyTorch's <c>nn.ReLU</c>).</summary>
public sealed class ReLU : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Relu(input);
}
