namespace Gan.Torch.NN;

/// <summary>
/// Parameter initialisation (PyTorch's <c>torch.nn.init</c>). Every method fills its tensor <b>in place</b> without
/// recording gradients and returns that same tensor; random ones draw from the <c>generator</c> argument when given,
/// else from the default generator (seeded by <see cref="Torch.ManualSeed"/>). Fans are computed as in PyTorch:
/// fan_in = size(1) × receptive field, fan_out = size(0) × receptive field, where the receptive field is the product
/// of the dimensions after the first two. Zero-element tensors are left alone.
/// </summary>
public static class Init
{
    /// <summary>The recommended gain for <paramref name="nonlinearity"/>; <paramref name="negativeSlope"/> is the leaky
    /// ReLU's slope (0.01 when null).</summary>
    public static double CalculateGain(Nonlinearity nonlinearity, double? negativeSlope = null) => nonlinearity switch
    {
        Nonlinearity.Linear or Nonlinearity.Sigmoid => 1.0,
        Nonlinearity.Tanh => 5.0 / 3.0,
        Nonlinearity.Relu => Math.Sqrt(2.0),
        Nonlinearity.LeakyRelu => Math.Sqrt(2.0 / (1 + Math.Pow(negativeSlope ?? 0.01, 2))),
        Nonlinearity.Selu => 3.0 / 4.0,
        _ => throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity, $"unknown nonlinearity {nonlinearity}"),
    };

    /// <summary>The fans of a weight of at least two dimensions: (size(1), size(0)) × the receptive field size.</summary>
    /// <exception cref="ArgumentException">The tensor has fewer than two dimensions.</exception>
    public static (long FanIn, long FanOut) CalculateFanInAndFanOut(Tensor tensor)
    {
        if (tensor.Dim < 2)
            throw new ArgumentException(
                $"fan in and fan out need a tensor of at least 2 dimensions, got shape {tensor.ShapeText}", nameof(tensor));
        long receptive = 1;
        for (int d = 2; d < tensor.Dim; d++) receptive *= tensor.Size(d);
        return (tensor.Size(1) * receptive, tensor.Size(0) * receptive);
    }

    /// <summary>In place: samples of U[<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor Uniform(Tensor tensor, double low = 0, double high = 1, Generator? generator = null)
    {
        if (!(low <= high))
            throw new ArgumentException($"Uniform needs low ≤ high, got [{low}, {high})", nameof(low));
        if (tensor.NumberOfElements == 0) return tensor;
        using var noGrad = Torch.NoGrad();
        return tensor.UniformInPlace(low, high, generator);
    }

    /// <summary>In place: samples of N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
    public static Tensor Normal(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
    {
        if (!(std >= 0))
            throw new ArgumentOutOfRangeException(nameof(std), std, $"Normal needs std ≥ 0, got {std}");
        if (tensor.NumberOfElements == 0) return tensor;
        using var noGrad = Torch.NoGrad();
        return tensor.NormalInPlace(mean, std, generator);
    }

    /// <summary>In place: every element set to <paramref name="value"/>.</summary>
    public static Tensor Constant(Tensor tensor, double value)
    {
        using var noGrad = Torch.NoGrad();
        return tensor.FillInPlace(value);
    }

    /// <summary>In place: every element set to 1.</summary>
    public static Tensor Ones(Tensor tensor) => Constant(tensor, 1);

    /// <summary>In place: every element set to 0.</summary>
    public static Tensor Zeros(Tensor tensor)
    {
        using var noGrad = Torch.NoGrad();
        return tensor.ZeroInPlace();
    }

    /// <summary>In place, Glorot and Bengio (2010): U(−b, b) with b = gain × √(6 / (fan_in + fan_out)).</summary>
    public static Tensor XavierUniform(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        double bound = Math.Sqrt(3.0) * XavierStd(tensor, gain);
        return Uniform(tensor, -bound, bound, generator);
    }

    /// <summary>In place, Glorot and Bengio (2010): N(0, σ²) with σ = gain × √(2 / (fan_in + fan_out)).</summary>
    public static Tensor XavierNormal(Tensor tensor, double gain = 1, Generator? generator = null) =>
        Normal(tensor, 0, XavierStd(tensor, gain), generator);

    /// <summary>
    /// In place, He et al. (2015): U(−b, b) with b = gain × √(3 / fan), gain = <see cref="CalculateGain"/>(nonlinearity, a).
    /// PyTorch's layers use a = √5 with leaky ReLU, which gives b = 1 / √fan_in.
    /// </summary>
    /// <param name="tensor">A weight of at least two dimensions.</param>
    /// <param name="a">The negative slope of the leaky ReLU that follows (ignored for other nonlinearities).</param>
    /// <param name="mode">Which fan to use.</param>
    /// <param name="nonlinearity">The activation that follows.</param>
    /// <param name="generator">The random source, or null for the default generator.</param>
    public static Tensor KaimingUniform(Tensor tensor, double a = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyRelu, Generator? generator = null)
    {
        double bound = Math.Sqrt(3.0) * KaimingStd(tensor, a, mode, nonlinearity);
        return Uniform(tensor, -bound, bound, generator);
    }

    /// <summary>In place, He et al. (2015): N(0, σ²) with σ = gain / √fan.</summary>
    /// <inheritdoc cref="KaimingUniform"/>
    public static Tensor KaimingNormal(Tensor tensor, double a = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyRelu, Generator? generator = null) =>
        Normal(tensor, 0, KaimingStd(tensor, a, mode, nonlinearity), generator);

    private static double XavierStd(Tensor tensor, double gain)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        return fanIn + fanOut == 0 ? 0 : gain * Math.Sqrt(2.0 / (fanIn + fanOut));
    }

    private static double KaimingStd(Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        long fan = mode switch
        {
            FanMode.FanIn => fanIn,
            FanMode.FanOut => fanOut,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, $"unknown fan mode {mode}"),
        };
        return fan == 0 ? 0 : CalculateGain(nonlinearity, a) / Math.Sqrt(fan);
    }
}
