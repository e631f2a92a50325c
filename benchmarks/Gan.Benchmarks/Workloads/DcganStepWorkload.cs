using Gan.Models.Gans;
using Gan.Torch;
using Gan.Torch.Optim;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// One DCGAN training step at 32×32 RGB with the library's own networks (<see cref="GanNetworks"/>: ngf = ndf = 64,
/// z of 100) and losses (<see cref="GanLosses"/>), batch 64, Adam(lr 2e-4, betas (0.5, 0.999)) for both nets: D learns
/// from a fixed real batch (uniform in [−1, 1]) and from G(z).Detach(), then G takes the non-saturating step through
/// the updated D; gradients are dropped before each backward and every temporary lives in one dispose scope per
/// step. Operation for operation the same as the peer's <c>DcganStep</c>, which spells the networks out as the
/// PyTorch DCGAN example does.
/// </summary>
internal sealed class DcganStepWorkload : Workload, ILossReporting
{
    /// <summary>The seed of the networks' initial weights (the peer seeds its init generator the same way).</summary>
    public const ulong InitSeed = 1;

    private const int Batch = 64;

    private static readonly GanOptions Options = new()
    {
        Kind = GanKind.Dcgan,
        SampleShape = [3, 32, 32],
        LatentSize = 100,
        GeneratorWidth = 64,
        DiscriminatorWidth = 64,
        Loss = GanLoss.NonSaturating,
    };

    private readonly GanNetworks _nets = GanNetworks.Create(Options, InitSeed);
    private readonly Adam _generatorOptimizer;
    private readonly Adam _discriminatorOptimizer;
    private readonly Tensor _real = Tensors.Rand(Batch, 3, 32, 32).MulInPlace(2).SubInPlace(1);

    public DcganStepWorkload()
    {
        _generatorOptimizer = new Adam(_nets.Generator.Parameters(), Options.GeneratorLearningRate, Options.Beta1, Options.Beta2);
        _discriminatorOptimizer = new Adam(_nets.Discriminator.Parameters(), Options.DiscriminatorLearningRate, Options.Beta1, Options.Beta2);
    }

    public override string Name => "dcgan32_step";
    public override string Unit => "ms/step";
    public override double UnitScale => 1e3;
    public override TimingPlan Plan => new(Warmup: 3, Iterations: 5, Repeats: 7);

    public override void Run(int iterations)
    {
        for (int i = 0; i < iterations; i++) Step();
    }

    /// <inheritdoc/>
    public void Step(Action<Tensor, Tensor>? observeLosses = null)
    {
        using var scope = Tensors.NewDisposeScope();
        var generator = _nets.Generator;
        var discriminator = _nets.Discriminator;
        var fake = generator.Call(generator.SampleNoise(Batch), null);

        _discriminatorOptimizer.ZeroGrad();
        var dLoss = GanLosses.Discriminator(discriminator.Call(_real, null), discriminator.Call(fake.Detach(), null));
        dLoss.Backward();
        _discriminatorOptimizer.Step();

        _generatorOptimizer.ZeroGrad();
        var gLoss = GanLosses.Generator(discriminator.Call(fake, null), Options.Loss);
        gLoss.Backward();
        _generatorOptimizer.Step();

        observeLosses?.Invoke(dLoss, gLoss);
    }

    public override void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _nets.Dispose();
        _real.Dispose();
    }
}
