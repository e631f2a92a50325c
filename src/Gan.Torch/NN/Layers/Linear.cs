namespace Gan.Torch.NN;

/// <summary>Fully connected layer y = x Wᵀ + b (PyTorch's <c>nn.Linear</c>; state keys <c>weight</c>, <c>bias</c>).</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter? _bias;

    /// <summary>A layer from <paramref name="inFeatures"/> to <paramref name="outFeatures"/>, initialised like PyTorch's.</summary>
    /// <param name="inFeatures">Size of each input sample's last dimension.</param>
    /// <param name="outFeatures">Size of each output sample's last dimension.</param>
    /// <param name="bias">Whether to learn an additive bias.</param>
    public Linear(long inFeatures, long outFeatures, bool bias = true)
    {
        DefaultInitialization.RequirePositive(inFeatures, nameof(inFeatures));
        DefaultInitialization.RequirePositive(outFeatures, nameof(outFeatures));
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        _weight = Parameter.Empty(outFeatures, inFeatures);
        _bias = bias ? Parameter.Empty(outFeatures) : null;
        ResetParameters();
        RegisterComponents();
    }

    /// <summary>Input features.</summary>
    public long InFeatures { get; }

    /// <summary>Output features.</summary>
    public long OutFeatures { get; }

    /// <summary>W, shape (out_features, in_features).</summary>
    public Parameter Weight => _weight;

    /// <summary>b, shape (out_features), or null.</summary>
    public Parameter? Bias => _bias;

    /// <summary>Re-initialises like PyTorch: W ~ U(±1/√in_features) (Kaiming uniform, a = √5), b ~ U(±1/√in_features).</summary>
    public void ResetParameters(Generator? generator = null) =>
        DefaultInitialization.KaimingUniformWithBias(_weight, _bias, generator);

    /// <summary>x (*, in_features) → (*, out_features).</summary>
    public override Tensor Forward(Tensor input) => Functional.Linear(input, _weight, _bias);
}
