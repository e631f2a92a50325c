using Gan.Torch.NN;
using Gan.Torch;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// Convolution forward + backward: <c>Conv2d(3, 64, kernelSize: 3, padding: 1)</c> with bias on a 64×3×64×64
/// input, loss = output.Sum(), Backward. Gradients are dropped before each iteration, as the peer's
/// <c>zero_grad(set_to_none=True)</c>. Here libtorch's kernels do nearly all the work, so the two sides should tie;
/// the figure checks that the binding adds nothing to heavy ops.
/// </summary>
internal sealed class ConvWorkload : Workload
{
    private readonly Tensor _input = Tensors.Randn(64, 3, 64, 64);
    private readonly Conv2d _conv = new(3, 64, kernelSize: 3, padding: 1);

    public override string Name => "conv2d_fwd_bwd";
    public override string Unit => "ms/iter";
    public override double UnitScale => 1e3;
    public override TimingPlan Plan => new(Warmup: 3, Iterations: 5, Repeats: 7);

    public override void Run(int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            _conv.ZeroGrad();
            using var scope = Tensors.NewDisposeScope();
            _conv.Call(_input).Sum().Backward();
        }
    }

    public override void Dispose()
    {
        _input.Dispose();
        _conv.Dispose();
    }
}
