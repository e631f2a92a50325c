using Gan.Torch.Native;
using Gan.Torch.NN;

namespace Gan.Torch.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum (heavy-ball or Nesterov), dampening and L2 weight decay, with
/// the arithmetic of <c>torch.optim.SGD</c>. All parameters advance in one native call per step.
/// </summary>
public sealed class Sgd : Optimizer
{
    private const string MomentumBuffer = "momentum_buffer";
    private static readonly string[] Names = [MomentumBuffer];

    // Like PyTorch, the momentum buffers appear at the first step that uses momentum, initialised to that step's
    // gradient. Unlike PyTorch, this happens for all parameters at once: one without a gradient at that step starts
    // its momentum from zero rather than from its first gradient.
    private Tensor[]? _momentumBuffers;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="lr">Learning rate, ≥ 0.</param>
    /// <param name="momentum">Momentum factor, ≥ 0 (0 disables momentum).</param>
    /// <param name="dampening">Dampening of the momentum, ≥ 0.</param>
    /// <param name="weightDecay">L2 penalty coefficient, ≥ 0.</param>
    /// <param name="nesterov">Use Nesterov momentum (needs momentum &gt; 0 and dampening 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter is out of range (the exception names it).</exception>
    public Sgd(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0,
               double weightDecay = 0, bool nesterov = false)
        : base(parameters, lr)
    {
        (Momentum, Dampening, WeightDecay, Nesterov) = Validate(momentum, dampening, weightDecay, nesterov);
    }

    /// <inheritdoc />
    public override string Kind => "Sgd";

    /// <summary>Momentum factor (0: plain gradient descent).</summary>
    public double Momentum { get; private set; }

    /// <summary>Dampening of the momentum.</summary>
    public double Dampening { get; private set; }

    /// <summary>L2 penalty coefficient.</summary>
    public double WeightDecay { get; private set; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; private set; }

    private static (double, double, double, bool) Validate(double momentum, double dampening, double weightDecay, bool nesterov)
    {
        Hyperparameter.NonNegative(momentum, nameof(momentum));
        Hyperparameter.NonNegative(dampening, nameof(dampening));
        Hyperparameter.NonNegative(weightDecay, nameof(weightDecay));
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentOutOfRangeException(nameof(nesterov), nesterov,
                "Nesterov momentum needs momentum > 0 and dampening 0");
        return (momentum, dampening, weightDecay, nesterov);
    }

    /// <inheritdoc />
    protected override void Update(long step)
    {
        bool firstStep = Momentum != 0 && _momentumBuffers is null;
        var momentumBuffers = firstStep ? ZerosLikeParameters() : _momentumBuffers;
        try
        {
            using var parameters = new HandleArray(Parameters);
            using var buffers = new HandleArray(momentumBuffers ?? new Tensor?[Parameters.Count]);
            Status.Check(NativeMethods.gan_sgd_step(parameters.Pointers, buffers.Pointers, Parameters.Count, firstStep ? 1 : 0,
                                                    LearningRate, Momentum, Dampening, WeightDecay, Nesterov ? 1 : 0));
        }
        catch when (firstStep)
        {
            foreach (var t in momentumBuffers!) t.Dispose();
            throw;
        }
        _momentumBuffers = momentumBuffers;
    }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, Tensor[]>> Buffers =>
        _momentumBuffers is null ? [] : [new(MomentumBuffer, _momentumBuffers)];

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> BufferNames => Names;

    /// <inheritdoc />
    protected override void WriteHyperparameters(IDictionary<string, string> metadata)
    {
        metadata["momentum"] = Hyperparameter.Format(Momentum);
        metadata["dampening"] = Hyperparameter.Format(Dampening);
        metadata["weight_decay"] = Hyperparameter.Format(WeightDecay);
        metadata["nesterov"] = Nesterov ? "true" : "false";
    }

    /// <inheritdoc />
    protected override void Restore(IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, Tensor[]> buffers)
    {
        var hyperparameters = Validate(ParseDouble(metadata, "momentum"), ParseDouble(metadata, "dampening"),
                                       ParseDouble(metadata, "weight_decay"), ParseBool(metadata, "nesterov"));
        (Momentum, Dampening, WeightDecay, Nesterov) = hyperparameters;
        DisposeBuffers();
        if (!buffers.TryGetValue(MomentumBuffer, out var saved)) return;
        _momentumBuffers = ZerosLikeParameters();
        using var noGrad = Torch.NoGrad();
        for (int i = 0; i < saved.Length; i++) _momentumBuffers[i].CopyInPlace(saved[i]);
    }

    private void DisposeBuffers()
    {
        if (_momentumBuffers is null) return;
        foreach (var t in _momentumBuffers) t.Dispose();
        _momentumBuffers = null;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) DisposeBuffers();
    }
}
