using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// Per-op call overhead: <c>a + b</c> on two float32 tensors of shape [4], the result disposed at once, as Python
/// frees it when <c>c = a + b</c> rebinds <c>c</c>.
/// </summary>
internal class Add : Workload
{
    private readonly Tensor _a = rand(4);
    private readonly Tensor _b = rand(4);

    public override string Name => "add";
    public override string Unit => "ns/op";
    public override double UnitScale => 1e9;
    public override int Warmup => 20_000;
    public override int Iterations => 100_000;
    public override int Repeats => 9;

    public override void RunBatch(int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            using var c = _a + _b;
        }
    }

    public override void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}

/// <summary>The same loop under <c>no_grad</c>: autograd dispatch still runs, recording is off.</summary>
internal sealed class AddNoGrad : Add
{
    public override string Name => "add_no_grad";

    public override void RunBatch(int iterations)
    {
        using var noGrad = no_grad();
        base.RunBatch(iterations);
    }
}
