namespace TorchSharpPeer;

/// <summary>
/// One benchmark, the twin of the class of the same name in benchmarks/peer/torch_peer.py: the same shapes, math and
/// timing plan. <see cref="RunBatch"/> runs iterations back to back; <see cref="UnitScale"/> turns seconds into
/// <see cref="Unit"/>.
/// </summary>
internal abstract class Workload : IDisposable
{
    public abstract string Name { get; }
    public abstract string Unit { get; }
    public abstract double UnitScale { get; }
    public abstract int Warmup { get; }
    public abstract int Iterations { get; }
    public abstract int Repeats { get; }

    public abstract void RunBatch(int iterations);

    public abstract void Dispose();
}
