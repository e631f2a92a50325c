using BenchmarkDotNet.Attributes;
using Gan.Benchmarks.Workloads;
using Gan.Torch;

namespace Gan.Benchmarks.Suites;

/// <summary>Conv2d(3 → 64, 3×3, padding 1) forward + backward on 64×3×64×64, as the peer's "conv2d_fwd_bwd".</summary>
[Config(typeof(BenchmarkConfig))]
public class ConvBenchmarks
{
    private ConvWorkload _conv = null!;

    /// <summary>libtorch's intra-op thread count.</summary>
    [Params(1, 2)] public int Threads { get; set; }

    /// <summary>Sets the thread count and creates the input and parameters.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Tensors.Threads = Threads;
        _conv = new ConvWorkload();
    }

    /// <summary>Frees the tensors.</summary>
    [GlobalCleanup]
    public void Cleanup() => _conv.Dispose();

    /// <summary>One forward + backward.</summary>
    [Benchmark]
    public void Conv2dForwardBackward() => _conv.Run(1);
}
