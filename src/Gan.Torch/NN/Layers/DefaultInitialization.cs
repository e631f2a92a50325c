namespace Gan.Torch.NN;

/// <summary>The initialisation PyTorch gives linear and convolution layers, shared by them.</summary>
internal static class DefaultInitialization
{
    /// <summary>
    /// Weight: Kaiming uniform with a = √5 (bound 1 / √fan_in); bias: U(−1/√fan_in, 1/√fan_in). fan_in is computed from
    /// the weight as PyTorch does, which for a transposed convolution means its size(1), the output channels per group.
    /// </summary>
    public static void KaimingUniformWithBias(Parameter weight, Parameter? bias, Generator? generator)
    {
        Init.KaimingUniform(weight, a: Math.Sqrt(5), generator: generator);
        if (bias is null) return;
        var (fanIn, _) = Init.CalculateFanInAndFanOut(weight);
        double bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        Init.Uniform(bias, -bound, bound, generator);
    }

    public static void RequirePositive(long value, string name)
    {
        if (value < 1) throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1, got {value}");
    }
}
