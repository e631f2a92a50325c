using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace TorchSharpPeer;

/// <summary>One Vanilla-GAN training step (batch 64) on MNIST-sized MLPs: the peer's <c>GanStep</c>.</summary>
internal sealed class GanMlpStep : GanStep
{
    private const int Batch = 64;
    private const int Latent = 100;
    private const int Image = 28 * 28;

    private readonly Tensor _real;
    private readonly Tensor _ones = ones(Batch, 1);
    private readonly Tensor _zeros = zeros(Batch, 1);
    private readonly Sequential _generator;

    // The networks are built before the real batch is drawn, in the peer's order, so that both draw the same numbers.
    public GanMlpStep() : this(CreateGenerator(), CreateDiscriminator())
    {
    }

    private GanMlpStep(Sequential generator, Sequential discriminator) : base(generator, discriminator)
    {
        _generator = generator;
        _real = rand(Batch, Image).mul_(2).sub_(1);
    }

    public override string Name => "gan_mlp_step";
    public override int Warmup => 10;
    public override int Iterations => 20;
    public override int Repeats => 7;

    /// <summary>z → 128 → 256 → 512 → 1024 → image, LeakyReLU(0.2), BatchNorm1d on the three middle layers, Tanh out.</summary>
    private static Sequential CreateGenerator()
    {
        var layers = new List<Module<Tensor, Tensor>> { Linear(Latent, 128), LeakyReLU(0.2) };
        foreach (var (inFeatures, outFeatures) in new[] { (128, 256), (256, 512), (512, 1024) })
        {
            layers.Add(Linear(inFeatures, outFeatures));
            layers.Add(BatchNorm1d(outFeatures, eps: 1e-5, momentum: 0.1));
            layers.Add(LeakyReLU(0.2));
        }
        layers.Add(Linear(1024, Image));
        layers.Add(Tanh());
        return Sequential(layers.ToArray());
    }

    /// <summary>image → 512 → 256 → 1 logit, LeakyReLU(0.2) between.</summary>
    private static Sequential CreateDiscriminator() => Sequential(
        Linear(Image, 512), LeakyReLU(0.2),
        Linear(512, 256), LeakyReLU(0.2),
        Linear(256, 1));

    protected override Tensor Generate() => _generator.call(randn(Batch, Latent));

    protected override Tensor DiscriminatorLoss(Tensor fake) =>
        F.binary_cross_entropy_with_logits(Discriminate(_real), _ones)
        + F.binary_cross_entropy_with_logits(Discriminate(fake), _zeros);

    protected override Tensor GeneratorLoss(Tensor fake) => F.binary_cross_entropy_with_logits(Discriminate(fake), _ones);

    protected override void DisposeInputs()
    {
        _real.Dispose();
        _ones.Dispose();
        _zeros.Dispose();
    }
}
