using Gan.Models.Training;
using static TorchSharp.torch;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// C#-only: one batch of <see cref="GanTrainer"/> on <see cref="DcganStepWorkload"/>'s DCGAN (32×32 RGB, ngf = ndf = 64,
/// z of 100, batch 64, Adam 2e-4, β (0.5, 0.999)). Compare with <c>dcgan32_step</c> on our side and on the plain
/// TorchSharp side: the difference is what the trainer adds to the bare step — the epoch's shuffle and batch
/// gathering, the finiteness and collapse checks (each reads a loss back to the CPU), D's scores, progress.
/// </summary>
/// <remarks>
/// Each <see cref="Run"/> trains one epoch over exactly <c>iterations</c> batches of fixed random images; logging,
/// sample grids and checkpoints are off.
/// </remarks>
internal sealed class GanTrainerStepWorkload : Workload
{
    private const int Batch = DcganStepWorkload.Batch;

    private readonly GanTrainer _trainer;
    private readonly Tensor _samples;

    public GanTrainerStepWorkload()
    {
        _trainer = new GanTrainer(DcganStepWorkload.Options, new GanTrainerOptions { Epochs = 1, BatchSize = Batch, LogEveryBatches = 0, Seed = DcganStepWorkload.InitSeed });
        _samples = rand(Batch * Math.Max(Plan.Warmup, Plan.Iterations), 3, 32, 32).mul_(2).sub_(1);
    }

    public override string Name => "dcgan32_trainer_step";
    public override string Unit => "ms/step";
    public override double UnitScale => 1e3;
    public override TimingPlan Plan => new(Warmup: 3, Iterations: 5, Repeats: 7);

    public override void Run(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)Batch * iterations, _samples.size(0), nameof(iterations));
        using var batches = _samples.narrow(0, 0, (long)Batch * iterations);
        _trainer.Train(batches, null);
    }

    public override void Dispose()
    {
        _trainer.Dispose();
        _samples.Dispose();
    }
}
