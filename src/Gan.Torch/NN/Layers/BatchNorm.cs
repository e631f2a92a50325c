namespace Gan.Torch.NN;

/// <summary>
/// Batch normalisation over the channel dimension, shared by <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/>.
/// In training it normalises with the batch's statistics and updates the running ones
/// (running = (1 − momentum) × running + momentum × batch, the variance unbiased; with a null momentum a cumulative
/// average over <c>num_batches_tracked</c> batches); in evaluation it uses the running statistics. State keys, in
/// PyTorch's order: <c>weight</c>, <c>bias</c>, <c>running_mean</c>, <c>running_var</c>, <c>num_batches_tracked</c>.
/// </summary>
public abstract class BatchNorm : Module<Tensor, Tensor>
{
    private readonly Parameter? _weight;
    private readonly Parameter? _bias;
    [ComponentName("running_mean")] private readonly Tensor? _runningMean;
    [ComponentName("running_var")] private readonly Tensor? _runningVar;
    [ComponentName("num_batches_tracked")] private readonly Tensor? _numBatchesTracked;

    /// <summary>Creates the layer: γ = 1, β = 0, running mean 0, running variance 1, no batches tracked.</summary>
    /// <param name="numFeatures">Channels (C of the (N, C, ...) input).</param>
    /// <param name="eps">Added to the variance for numerical stability.</param>
    /// <param name="momentum">Weight of each new batch in the running statistics, or null for a cumulative average.</param>
    /// <param name="affine">Whether to learn the scale γ and shift β.</param>
    /// <param name="trackRunningStats">Whether to keep running statistics; without them evaluation uses batch statistics too.</param>
    protected BatchNorm(long numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats)
    {
        DefaultInitialization.RequirePositive(numFeatures, nameof(numFeatures));
        if (!(eps > 0)) throw new ArgumentOutOfRangeException(nameof(eps), eps, $"eps must be positive, got {eps}");
        if (momentum is { } m && !(m >= 0 && m <= 1))
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"momentum must be in [0, 1] or null, got {m}");
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            _weight = Parameter.Empty(numFeatures);
            _bias = Parameter.Empty(numFeatures);
        }
        if (trackRunningStats)
        {
            _runningMean = Torch.Zeros(numFeatures);
            _runningVar = Torch.Ones(numFeatures);
            _numBatchesTracked = Torch.Zeros([], DType.Int64);
        }
        ResetParameters();
        RegisterComponents();
    }

    /// <summary>Channels.</summary>
    public long NumFeatures { get; }
    /// <summary>Added to the variance for numerical stability.</summary>
    public double Eps { get; }
    /// <summary>Weight of each new batch in the running statistics; null for a cumulative average.</summary>
    public double? Momentum { get; }
    /// <summary>Whether running statistics are kept.</summary>
    public bool TrackRunningStats => _runningMean is not null;

    /// <summary>The learned scale γ (C), or null when not affine.</summary>
    public Parameter? Weight => _weight;
    /// <summary>The learned shift β (C), or null when not affine.</summary>
    public Parameter? Bias => _bias;
    /// <summary>The running mean (C), or null when not tracked.</summary>
    public Tensor? RunningMean => _runningMean;
    /// <summary>The running (unbiased) variance (C), or null when not tracked.</summary>
    public Tensor? RunningVar => _runningVar;
    /// <summary>The number of training batches seen (an Int64 scalar), or null when not tracked.</summary>
    public Tensor? NumBatchesTracked => _numBatchesTracked;

    /// <summary>Resets the running statistics: mean 0, variance 1, no batches tracked.</summary>
    public void ResetRunningStats()
    {
        if (_runningMean is null) return;
        Init.Zeros(_runningMean);
        Init.Ones(_runningVar!);
        Init.Zeros(_numBatchesTracked!);
    }

    /// <summary>Resets the running statistics and sets γ = 1, β = 0.</summary>
    public void ResetParameters()
    {
        ResetRunningStats();
        if (_weight is null) return;
        Init.Ones(_weight);
        Init.Zeros(_bias!);
    }

    /// <summary>Normalises (N, C, ...) per channel.</summary>
    public override Tensor Forward(Tensor input)
    {
        CheckInput(input);
        if (input.Size(1) != NumFeatures)
            throw new ArgumentException(
                $"{GetType().Name} has {NumFeatures} features but the input {input.ShapeText} has {input.Size(1)} channels", nameof(input));
        double factor = Momentum ?? 0;
        if (IsTraining && _numBatchesTracked is not null)
        {
            using (Torch.NoGrad()) _numBatchesTracked.AddInPlace(1L);
            if (Momentum is null) factor = 1.0 / _numBatchesTracked.Item<long>();
        }
        // Without running statistics, evaluation normalises with the batch's statistics too (PyTorch's behaviour).
        bool useBatchStatistics = IsTraining || _runningMean is null;
        return Functional.BatchNorm(input, _runningMean, _runningVar, _weight, _bias, useBatchStatistics, factor, Eps);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the input's rank does not suit the layer.</summary>
    protected abstract void CheckInput(Tensor input);
}
