using Gan.Torch;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// Per-op call overhead: <c>a + b</c> on two float32 tensors of shape [4], the result disposed at once — the
/// C# counterpart of Python dropping the previous result when <c>c = a + b</c> rebinds <c>c</c>. The arithmetic is
/// a few nanoseconds; everything else is the cost of crossing from the host language into libtorch and back.
/// </summary>
internal class AddWorkload : Workload
{
    protected readonly Tensor A = Tensors.Rand(4);
    protected readonly Tensor B = Tensors.Rand(4);

    public override string Name => "add";
    public override string Unit => "ns/op";
    public override double UnitScale => 1e9;
    public override TimingPlan Plan => new(Warmup: 20_000, Iterations: 100_000, Repeats: 9);

    public override void Run(int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            using var c = A + B;
        }
    }

    public override void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}

/// <summary>The same loop with gradient recording off (Tensors.NoGrad), as the peer's <c>with torch.no_grad()</c>.</summary>
internal sealed class AddNoGradWorkload : AddWorkload
{
    public override string Name => "add_no_grad";

    public override void Run(int iterations)
    {
        using var noGrad = Tensors.NoGrad();
        base.Run(iterations);
    }
}

/// <summary>
/// C# only: the results are left to a dispose scope opened per 100 ops (a training step's pattern), so the figure
/// includes the scope's bookkeeping instead of an explicit Dispose per result.
/// </summary>
internal sealed class AddInDisposeScopeWorkload : AddWorkload
{
    private const int OpsPerScope = 100;

    public override string Name => "add_in_dispose_scope";

    public override void Run(int iterations)
    {
        for (int done = 0; done < iterations; done += OpsPerScope)
        {
            using var scope = Tensors.NewDisposeScope();
            int n = Math.Min(OpsPerScope, iterations - done);
            for (int i = 0; i < n; i++) _ = A + B;
        }
    }
}
