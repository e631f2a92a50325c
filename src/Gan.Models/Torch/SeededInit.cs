using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>
/// Parameter initialisation that draws from a given <see cref="Generator"/>, so that one seed fixes every starting
/// weight of a network.
/// </summary>
/// <remarks>
/// TorchSharp's <c>nn.init.normal_</c> and <c>uniform_</c> take a generator but ignore it, Kaiming and Xavier take
/// none, and its <c>xavier_normal_</c> draws uniformly. These fill in place without recording gradients, with the
/// formulas of PyTorch's <c>torch.nn.init</c>; fans as in PyTorch: fan_in = size(1) × receptive field, fan_out =
/// size(0) × receptive field.
/// </remarks>
public static class SeededInit
{
    /// <summary>In place: samples of U[<paramref name="low"/>, <paramref name="high"/>) drawn from <paramref name="generator"/>.</summary>
    public static Tensor Uniform(Tensor tensor, double low, double high, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!(low <= high)) throw new ArgumentException($"Uniform needs low ≤ high, got [{low}, {high})", nameof(low));
        if (tensor.numel() == 0) return tensor;
        using var noGrad = no_grad();
        return tensor.uniform_(low, high, generator);
    }

    /// <summary>In place: samples of N(<paramref name="mean"/>, <paramref name="std"/>²) drawn from <paramref name="generator"/>.</summary>
    public static Tensor Normal(Tensor tensor, double mean, double std, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!(std >= 0)) throw new ArgumentOutOfRangeException(nameof(std), std, $"Normal needs std ≥ 0, got {std}");
        if (tensor.numel() == 0) return tensor;
        using var noGrad = no_grad();
        return tensor.normal_(mean, std, generator);
    }

    // He et al. (2015): U(−b, b) with b = gain × √(3 / fan_in), gain for a leaky ReLU of slope a.
    private static Tensor KaimingUniform(Tensor tensor, double a, Generator generator)
    {
        var (fanIn, _) = Fans(tensor);
        double gain = Math.Sqrt(2.0 / (1 + a * a));
        double bound = fanIn == 0 ? 0 : Math.Sqrt(3.0) * gain / Math.Sqrt(fanIn);
        return Uniform(tensor, -bound, bound, generator);
    }

    /// <summary>
    /// Gives every layer of <paramref name="network"/> PyTorch's default initialisation, drawn from
    /// <paramref name="generator"/> module by module in registration order.
    /// </summary>
    /// <remarks>
    /// Linear and (transposed) convolutions: Kaiming uniform with a = √5 and a bias from U(−1/√fan_in, 1/√fan_in),
    /// fan_in taken from the weight as PyTorch does (for a transposed convolution its size(1)); embeddings N(0, 1);
    /// BatchNorm scale 1, shift 0 and fresh running statistics. Other modules keep what they have (PReLU's 0.25).
    /// </remarks>
    public static void ResetParameters(nn.Module network, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(generator);
        foreach (var module in SelfAndDescendants(network))
        {
            switch (module)
            {
                case Linear linear: WeightAndBias(linear.weight, linear.bias, generator); break;
                case Convolution conv: WeightAndBias(conv.weight, conv.bias, generator); break;
                case Embedding embedding:
                    // The getter wraps the native weight anew on every call; the wrapper is ours to dispose.
                    using (var weight = embedding.weight!) Normal(weight, 0, 1, generator);
                    break;
                case BatchNorm norm: norm.reset_parameters(); break;
            }
        }
    }

    // PyTorch's modules() order (the module, then each child's subtree in registration order); TorchSharp's
    // modules() leaves the module out and lists all children before any grandchild.
    private static IEnumerable<nn.Module> SelfAndDescendants(nn.Module module)
    {
        yield return module;
        foreach (var child in module.children())
            foreach (var descendant in SelfAndDescendants(child))
                yield return descendant;
    }

    private static void WeightAndBias(Tensor weight, Tensor? bias, Generator generator)
    {
        KaimingUniform(weight, Math.Sqrt(5), generator);
        if (bias is null) return;
        var (fanIn, _) = Fans(weight);
        double bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        Uniform(bias, -bound, bound, generator);
    }

    // From the shape alone: TorchSharp's CalculateFanInAndFanOut indexes the tensor, leaving a wrapper to the finalizer.
    private static (long FanIn, long FanOut) Fans(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        long[] shape = tensor.shape;
        if (shape.Length < 2)
            throw new ArgumentException($"fan in and fan out need a tensor of at least 2 dimensions, got [{string.Join(", ", shape)}]", nameof(tensor));
        long receptive = 1;
        for (int d = 2; d < shape.Length; d++) receptive *= shape[d];
        return (shape[1] * receptive, shape[0] * receptive);
    }
}
