using Gan.Torch.NN;

namespace Gan.Benchmarks.Workloads;

using Gan.Torch;

/// <summary>
/// Convolution forward + backward: a 3 → 64 channel, 3×3, padding 1 convolution with bias (PyTorch's
/// <c>nn.Conv2d(3, 64, 3, padding=1)</c>) on a 64×3×64×64 input, loss = output.Sum(), Backward. Gradients are
/// dropped before each iteration, as the peer's <c>zero_grad(set_to_none=True)</c>. Here libtorch's kernels do nearly
/// all the work, so the two sides should tie; the figure checks that the binding adds nothing to heavy ops.
/// </summary>
internal sealed class ConvWorkload : Workload
{
    private readonly Tensor _input = Torch.Randn(64, 3, 64, 64);
    private readonly Parameter _weight = UniformParameter([64, 3, 3, 3], fanIn: 3 * 3 * 3);
    private readonly Parameter _bias = UniformParameter([64], fanIn: 3 * 3 * 3);

    public override string Name => "conv2d_fwd_bwd";
    public override string Unit => "ms/iter";
    public override double UnitScale => 1e3;
    public override TimingPlan Plan => new(Warmup: 3, Iterations: 5, Repeats: 7);

    public override void Run(int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            _weight.ZeroGrad();
            _bias.ZeroGrad();
            using var scope = Torch.NewDisposeScope();
            Functional.Conv2d(_input, _weight, _bias, stride: 1, padding: 1).Sum().Backward();
        }
    }

    /// <summary>U(−1/√fanIn, 1/√fanIn), the range of PyTorch's default Conv2d initialisation.</summary>
    private static Parameter UniformParameter(long[] shape, int fanIn)
    {
        using var scope = Torch.NewDisposeScope();
        double bound = 1 / Math.Sqrt(fanIn);
        return new Parameter(Torch.Rand(shape).Mul(2 * bound).Sub(bound));
    }

    public override void Dispose()
    {
        _input.Dispose();
        _weight.Dispose();
        _bias.Dispose();
    }
}
