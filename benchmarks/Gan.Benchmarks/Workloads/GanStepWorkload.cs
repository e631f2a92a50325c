using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// One Vanilla-GAN training step (<see cref="GanTrainingStepWorkload"/>) on MNIST-sized MLPs (<see cref="VanillaGan"/>),
/// batch 64, a fixed real batch uniform in [−1, 1]. Operation for operation the same as the peer's <c>GanStep</c>.
/// </summary>
/// <remarks>
/// Built from TorchSharp's layers, not the library's networks: the peer initialises this pair from the global
/// generator, so the figure is TorchSharp's own beside PyTorch's.
/// </remarks>
internal sealed class GanStepWorkload : GanTrainingStepWorkload
{
    private const int Batch = 64;
    private const int Latent = 100;
    private const int Image = 28 * 28;

    private readonly nn.Module<Tensor, Tensor> _generator;
    private readonly nn.Module<Tensor, Tensor> _discriminator;
    private readonly Tensor _real = rand(Batch, Image).mul_(2).sub_(1);
    private readonly Tensor _ones = ones(Batch, 1);
    private readonly Tensor _zeros = zeros(Batch, 1);

    // The networks are built before the real batch is drawn (field initialisers run after the arguments of this()),
    // in the peer's order, so that both sides draw the same numbers.
    public GanStepWorkload() : this(VanillaGan.Generator(Latent, Image), VanillaGan.Discriminator(Image))
    {
    }

    private GanStepWorkload(nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> discriminator)
        : base(generator, discriminator)
    {
        _generator = generator;
        _discriminator = discriminator;
    }

    public override string Name => "gan_mlp_step";
    public override TimingPlan Plan => new(Warmup: 10, Iterations: 20, Repeats: 7);

    protected override Tensor Generate() => _generator.call(randn(Batch, Latent));

    protected override Tensor DiscriminatorLoss(Tensor fake) =>
        binary_cross_entropy_with_logits(_discriminator.call(_real), _ones)
        + binary_cross_entropy_with_logits(_discriminator.call(fake), _zeros);

    protected override Tensor GeneratorLoss(Tensor fake) =>
        binary_cross_entropy_with_logits(_discriminator.call(fake), _ones);

    protected override void DisposeNetworksAndInputs()
    {
        _generator.Dispose();
        _discriminator.Dispose();
        _real.Dispose();
        _ones.Dispose();
        _zeros.Dispose();
    }
}
