using Gan.Torch.Native;
using Gan.Torch.NN;

namespace Gan.Torch.Optim;

/// <summary>
/// Adam (Kingma &amp; Ba), with the arithmetic of <c>torch.optim.Adam</c> (L2 weight decay added to the gradient, no
/// amsgrad). All parameters advance in one native call per step.
/// </summary>
public sealed class Adam : Optimizer
{
    private const string ExpAvg = "exp_avg";
    private const string ExpAvgSq = "exp_avg_sq";
    private static readonly string[] Names = [ExpAvg, ExpAvgSq];

    private readonly Tensor[] _expAvg;
    private readonly Tensor[] _expAvgSq;

    /// <summary>Creates the optimizer with zeroed moment estimates.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="lr">Learning rate, ≥ 0.</param>
    /// <param name="beta1">Decay of the first-moment (mean) estimate, in [0, 1).</param>
    /// <param name="beta2">Decay of the second-moment estimate, in [0, 1).</param>
    /// <param name="eps">Added to the denominator for stability, ≥ 0.</param>
    /// <param name="weightDecay">L2 penalty coefficient, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter is out of range (the exception names it).</exception>
    public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
                double eps = 1e-8, double weightDecay = 0)
        : base(parameters, lr)
    {
        Beta1 = Hyperparameter.Beta(beta1, nameof(beta1));
        Beta2 = Hyperparameter.Beta(beta2, nameof(beta2));
        Eps = Hyperparameter.NonNegative(eps, nameof(eps));
        WeightDecay = Hyperparameter.NonNegative(weightDecay, nameof(weightDecay));
        _expAvg = ZerosLikeParameters();
        _expAvgSq = ZerosLikeParameters();
    }

    /// <inheritdoc />
    public override string Kind => "Adam";

    /// <summary>Decay of the first-moment estimate.</summary>
    public double Beta1 { get; private set; }

    /// <summary>Decay of the second-moment estimate.</summary>
    public double Beta2 { get; private set; }

    /// <summary>Denominator stabiliser.</summary>
    public double Eps { get; private set; }

    /// <summary>L2 penalty coefficient.</summary>
    public double WeightDecay { get; private set; }

    /// <inheritdoc />
    protected override void Update(long step)
    {
        using var parameters = new HandleArray(Parameters);
        using var expAvg = new HandleArray(_expAvg);
        using var expAvgSq = new HandleArray(_expAvgSq);
        Status.Check(NativeMethods.gan_adam_step(parameters.Pointers, expAvg.Pointers, expAvgSq.Pointers, Parameters.Count,
                                                 step, LearningRate, Beta1, Beta2, Eps, WeightDecay));
    }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, Tensor[]>> Buffers =>
        [new(ExpAvg, _expAvg), new(ExpAvgSq, _expAvgSq)];

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> BufferNames => Names;

    /// <inheritdoc />
    protected override void WriteHyperparameters(IDictionary<string, string> metadata)
    {
        metadata["beta1"] = Hyperparameter.Format(Beta1);
        metadata["beta2"] = Hyperparameter.Format(Beta2);
        metadata["eps"] = Hyperparameter.Format(Eps);
        metadata["weight_decay"] = Hyperparameter.Format(WeightDecay);
    }

    /// <inheritdoc />
    protected override void Restore(IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, Tensor[]> buffers)
    {
        double beta1 = Hyperparameter.Beta(ParseDouble(metadata, "beta1"), "beta1");
        double beta2 = Hyperparameter.Beta(ParseDouble(metadata, "beta2"), "beta2");
        double eps = Hyperparameter.NonNegative(ParseDouble(metadata, "eps"), "eps");
        double weightDecay = Hyperparameter.NonNegative(ParseDouble(metadata, "weight_decay"), "weight_decay");
        foreach (var name in Names)
            if (!buffers.ContainsKey(name))
                throw new OptimizerStateException($"the Adam state lacks its \"{name}\" tensors");
        (Beta1, Beta2, Eps, WeightDecay) = (beta1, beta2, eps, weightDecay);
        using var noGrad = Torch.NoGrad();
        for (int i = 0; i < _expAvg.Length; i++)
        {
            _expAvg[i].CopyInPlace(buffers[ExpAvg][i]);
            _expAvgSq[i].CopyInPlace(buffers[ExpAvgSq][i]);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        foreach (var t in _expAvg) t.Dispose();
        foreach (var t in _expAvgSq) t.Dispose();
    }
}
