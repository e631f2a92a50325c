using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>Conv2d(3 → 64, kernel 3, padding 1, bias) on a 64×3×64×64 input, loss = output.sum(), backward.</summary>
internal sealed class Conv : Workload
{
    // Built before the input is drawn, as the peer does, so that both take the same numbers from the seed.
    private readonly Conv2d _conv = nn.Conv2d(3, 64, 3, padding: 1);
    private readonly Tensor _x = randn(64, 3, 64, 64);

    public override string Name => "conv2d_fwd_bwd";
    public override string Unit => "ms/iter";
    public override double UnitScale => 1e3;
    public override int Warmup => 3;
    public override int Iterations => 5;
    public override int Repeats => 7;

    public override void RunBatch(int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            using var scope = NewDisposeScope();
            _conv.zero_grad();
            _conv.call(_x).sum().backward();
        }
    }

    public override void Dispose()
    {
        _conv.Dispose();
        _x.Dispose();
    }
}
