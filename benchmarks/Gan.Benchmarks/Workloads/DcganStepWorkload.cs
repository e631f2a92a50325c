using Gan.Models.Gans;
using static TorchSharp.torch;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// One DCGAN training step (<see cref="GanTrainingStepWorkload"/>) at 32×32 RGB with the library's own networks
/// (<see cref="GanNetworks"/>: ngf = ndf = 64, z of 100) and losses (<see cref="GanLosses"/>), batch 64, a fixed real
/// batch uniform in [−1, 1]. Operation for operation the same as the peer's <c>DcganStep</c>, which spells the
/// networks out as the PyTorch DCGAN example does.
/// </summary>
internal sealed class DcganStepWorkload : GanTrainingStepWorkload
{
    /// <summary>The seed of the networks' initial weights (the peer seeds its init generator the same way).</summary>
    public const ulong InitSeed = 1;

    /// <summary>The batch size.</summary>
    public const int Batch = 64;

    /// <summary>The networks' options (shared with <see cref="GanTrainerStepWorkload"/>).</summary>
    public static readonly GanOptions Options = new()
    {
        Kind = GanKind.Dcgan,
        SampleShape = [3, 32, 32],
        LatentSize = 100,
        GeneratorWidth = 64,
        DiscriminatorWidth = 64,
        Loss = GanLoss.NonSaturating,
    };

    private readonly GanNetworks _nets;
    private readonly Tensor _real = rand(Batch, 3, 32, 32).mul_(2).sub_(1);

    // The networks are built before the real batch is drawn, in the peer's order (see GanStepWorkload).
    public DcganStepWorkload() : this(GanNetworks.Create(Options, InitSeed))
    {
    }

    private DcganStepWorkload(GanNetworks nets) : base(nets.Generator, nets.Discriminator) =>
        _nets = nets;

    public override string Name => "dcgan32_step";
    public override TimingPlan Plan => new(Warmup: 3, Iterations: 5, Repeats: 7);

    protected override Tensor Generate() => _nets.Generator.call(_nets.Generator.SampleNoise(Batch), null);

    protected override Tensor DiscriminatorLoss(Tensor fake) =>
        GanLosses.Discriminator(_nets.Discriminator.call(_real, null), _nets.Discriminator.call(fake, null));

    protected override Tensor GeneratorLoss(Tensor fake) =>
        GanLosses.Generator(_nets.Discriminator.call(fake, null), Options.Loss);

    protected override void DisposeNetworksAndInputs()
    {
        _nets.Dispose();
        _real.Dispose();
    }
}
