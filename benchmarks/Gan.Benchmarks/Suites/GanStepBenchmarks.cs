using BenchmarkDotNet.Attributes;
using Gan.Benchmarks.Workloads;
using Gan.Models.Torch;
using TorchSharp;

namespace Gan.Benchmarks.Suites;

/// <summary>One GAN training step (D then G, Adam, batch 64): the peer's "gan_mlp_step" (Vanilla MLP) and "dcgan32_step".</summary>
[Config(typeof(BenchmarkConfig))]
public class GanStepBenchmarks
{
    private Workload _gan = null!;

    /// <summary>The workload, by its peer name.</summary>
    [Params("gan_mlp_step", "dcgan32_step")] public string Workload { get; set; } = "";

    /// <summary>libtorch's intra-op thread count.</summary>
    [Params(1, 2)] public int Threads { get; set; }

    /// <summary>Sets the thread count and builds the networks and optimizers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(Threads);
        torch.manual_seed(0);
        _gan = WorkloadCatalog.Create(Workload);
    }

    /// <summary>Frees networks, optimizer state and inputs.</summary>
    [GlobalCleanup]
    public void Cleanup() => _gan.Dispose();

    /// <summary>One discriminator step and one generator step.</summary>
    [Benchmark]
    public void TrainStep() => _gan.Run(1);
}
