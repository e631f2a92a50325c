using Gan.Torch.NN;
using Gan.Torch;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// One Vanilla-GAN training step (<see cref="GanTrainingStepWorkload"/>) on MNIST-sized MLPs (<see cref="VanillaGan"/>),
/// batch 64, a fixed real batch uniform in [−1, 1]. Operation for operation the same as the peer's <c>GanStep</c>.
/// </summary>
internal sealed class GanStepWorkload : GanTrainingStepWorkload
{
    private const int Batch = 64;
    private const int Latent = 100;
    private const int Image = 28 * 28;

    private readonly Sequential _generator;
    private readonly Sequential _discriminator;
    private readonly Tensor _real = Tensors.Rand(Batch, Image).MulInPlace(2).SubInPlace(1);
    private readonly Tensor _ones = Tensors.Ones(Batch, 1);
    private readonly Tensor _zeros = Tensors.Zeros(Batch, 1);

    // The networks are built before the real batch is drawn (field initialisers run after the arguments of this()),
    // in the peer's order, so that both sides draw the same numbers.
    public GanStepWorkload() : this(VanillaGan.Generator(Latent, Image), VanillaGan.Discriminator(Image))
    {
    }

    private GanStepWorkload(Sequential generator, Sequential discriminator)
        : base(generator.Parameters(), discriminator.Parameters())
    {
        _generator = generator;
        _discriminator = discriminator;
    }

    public override string Name => "gan_mlp_step";
    public override TimingPlan Plan => new(Warmup: 10, Iterations: 20, Repeats: 7);

    protected override Tensor Generate() => _generator.Call(Tensors.Randn(Batch, Latent));

    protected override Tensor DiscriminatorLoss(Tensor fake) =>
        Functional.BinaryCrossEntropyWithLogits(_discriminator.Call(_real), _ones)
        + Functional.BinaryCrossEntropyWithLogits(_discriminator.Call(fake), _zeros);

    protected override Tensor GeneratorLoss(Tensor fake) =>
        Functional.BinaryCrossEntropyWithLogits(_discriminator.Call(fake), _ones);

    protected override void DisposeNetworksAndInputs()
    {
        _generator.Dispose();
        _discriminator.Dispose();
        _real.Dispose();
        _ones.Dispose();
        _zeros.Dispose();
    }
}
