namespace Gan.Torch.NN;

/// <summary>
/// Randomly zeroes elements with probability p during training and scales the rest by 1 / (1 − p); the identity in
/// evaluation (PyTorch's <c>nn.Dropout</c>).
/// </summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    private readonly Generator? _generator;

    /// <summary>Creates the layer.</summary>
    /// <param name="p">Probability of zeroing an element, in [0, 1].</param>
    /// <param name="generator">The source of the masks, or null for libtorch's default generator. The module does not
    /// own it: dispose it after the module.</param>
    public Dropout(double p = 0.5, Generator? generator = null)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, $"dropout probability must be in [0, 1], got {p}");
        P = p;
        _generator = generator;
    }

    /// <summary>Probability of zeroing an element.</summary>
    public double P { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, IsTraining, _generator);
}
