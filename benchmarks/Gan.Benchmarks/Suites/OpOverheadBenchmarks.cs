using BenchmarkDotNet.Attributes;
using Gan.Benchmarks.Workloads;
using Gan.Torch;

namespace Gan.Benchmarks.Suites;

/// <summary>Per-op call overhead: a small <c>a + b</c>, as in the peer's "add" and "add_no_grad".</summary>
[Config(typeof(BenchmarkConfig))]
public class OpOverheadBenchmarks
{
    private const int OpsPerInvoke = 1_000;

    private AddWorkload _add = null!;
    private AddWorkload _addNoGrad = null!;
    private AddWorkload _addInScope = null!;

    /// <summary>libtorch's intra-op thread count (irrelevant for 4 elements; kept for the same grid as the others).</summary>
    [Params(1, 2)] public int Threads { get; set; }

    /// <summary>Sets the thread count and creates the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Tensors.Threads = Threads;
        _add = new AddWorkload();
        _addNoGrad = new AddNoGradWorkload();
        _addInScope = new AddInDisposeScopeWorkload();
    }

    /// <summary>Frees the inputs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _add.Dispose();
        _addNoGrad.Dispose();
        _addInScope.Dispose();
    }

    /// <summary>a + b, result disposed at once.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = OpsPerInvoke)]
    public void Add() => _add.Run(OpsPerInvoke);

    /// <summary>The same under Tensors.NoGrad().</summary>
    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    public void AddNoGrad() => _addNoGrad.Run(OpsPerInvoke);

    /// <summary>Results left to a dispose scope per 100 ops.</summary>
    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    public void AddInDisposeScope() => _addInScope.Run(OpsPerInvoke);
}
