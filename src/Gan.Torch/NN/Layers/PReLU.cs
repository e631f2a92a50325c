namespace Gan.Torch.NN;

/// <summary>
/// x for x ≥ 0, a × x otherwise, with learned slopes a — one shared, or one per channel (PyTorch's <c>nn.PReLU</c>;
/// state key <c>weight</c>). SRResNet uses it after its convolutions.
/// </summary>
public sealed class PReLU : Module<Tensor, Tensor>
{
    private readonly Parameter _weight;

    /// <summary>Creates the layer.</summary>
    /// <param name="numParameters">1 (one slope for all channels) or the number of input channels.</param>
    /// <param name="init">The initial slope.</param>
    public PReLU(long numParameters = 1, double init = 0.25)
    {
        DefaultInitialization.RequirePositive(numParameters, nameof(numParameters));
        NumParameters = numParameters;
        _weight = Parameter.Empty(numParameters);
        Init.Constant(_weight, init);
        RegisterComponents();
    }

    /// <summary>Number of slopes.</summary>
    public long NumParameters { get; }

    /// <summary>The slopes, shape (num_parameters).</summary>
    public Parameter Weight => _weight;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Prelu(input, _weight);
}
