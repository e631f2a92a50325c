namespace Gan.Benchmarks.Workloads;

/// <summary>
/// One benchmark workload. Each has a twin of the same name in benchmarks/peer/torch_peer.py with the same shapes,
/// the same math and the same timing plan, so that `peer` mode and the Python peer measure the same thing.
/// </summary>
internal abstract class Workload : IDisposable
{
    /// <summary>The name shared with the Python peer (the key the comparison script joins on).</summary>
    public abstract string Name { get; }

    /// <summary>The reported unit: "ns/op", "ms/iter" or "ms/step".</summary>
    public abstract string Unit { get; }

    /// <summary>Multiplies seconds per iteration into <see cref="Unit"/>.</summary>
    public abstract double UnitScale { get; }

    /// <summary>How the workload is timed (the same numbers as the peer's).</summary>
    public abstract TimingPlan Plan { get; }

    /// <summary>Runs <paramref name="iterations"/> iterations back to back.</summary>
    public abstract void Run(int iterations);

    /// <summary>Frees the workload's tensors (parameters, inputs, optimizer state).</summary>
    public abstract void Dispose();
}

/// <summary>How a workload is timed: <see cref="Warmup"/> untimed iterations, then <see cref="Repeats"/> timed batches of
/// <see cref="Iterations"/> iterations each.</summary>
internal readonly record struct TimingPlan(int Warmup, int Iterations, int Repeats);
