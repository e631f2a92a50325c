using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace TorchSharpPeer;

/// <summary>
/// One DCGAN step at 32×32 RGB (ngf = ndf = 64, z 100, batch 64): the peer's <c>DcganStep</c>, i.e. the PyTorch
/// DCGAN example's networks cut to 32 px, with its <c>weights_init</c> drawing from a generator seeded 1.
/// </summary>
internal sealed class DcganStep : GanStep
{
    private const int Batch = 64;
    private const int Latent = 100;
    private const int Side = 32;
    private const int Channels = 3;
    private const int Ngf = 64;
    private const int Ndf = 64;
    private const ulong InitSeed = 1;

    private readonly Tensor _real;
    private readonly Sequential _generator;

    public DcganStep() : this(new Generator(InitSeed))
    {
    }

    // The two networks are built and initialised one after the other (G's default initialisation, then weights_init,
    // then D's), and only then is the real batch drawn: the peer's order of draws.
    private DcganStep(Generator init) : this(Initialised(CreateGenerator(), init), Initialised(CreateDiscriminator(), init))
    {
        init.Dispose();
    }

    private DcganStep(Sequential generator, Sequential discriminator) : base(generator, discriminator)
    {
        _generator = generator;
        _real = rand(Batch, Channels, Side, Side).mul_(2).sub_(1);
    }

    public override string Name => "dcgan32_step";
    public override int Warmup => 3;
    public override int Iterations => 5;
    public override int Repeats => 7;

    /// <summary>1 → 4 → 8 → 16 → 32 pixels by transposed convolutions, BatchNorm and ReLU between, Tanh out.</summary>
    private static Sequential CreateGenerator() => Sequential(
        ConvTranspose2d(Latent, Ngf * 4, 4, stride: 1, padding: 0, bias: false), BatchNorm2d(Ngf * 4), ReLU(inplace: true),
        ConvTranspose2d(Ngf * 4, Ngf * 2, 4, stride: 2, padding: 1, bias: false), BatchNorm2d(Ngf * 2), ReLU(inplace: true),
        ConvTranspose2d(Ngf * 2, Ngf, 4, stride: 2, padding: 1, bias: false), BatchNorm2d(Ngf), ReLU(inplace: true),
        ConvTranspose2d(Ngf, Channels, 4, stride: 2, padding: 1, bias: false), Tanh());

    /// <summary>32 → 16 → 8 → 4 → 1 logit by strided convolutions, BatchNorm and LeakyReLU(0.2) between.</summary>
    private static Sequential CreateDiscriminator() => Sequential(
        Conv2d(Channels, Ndf, 4, stride: 2, padding: 1, bias: false), LeakyReLU(0.2, inplace: true),
        Conv2d(Ndf, Ndf * 2, 4, stride: 2, padding: 1, bias: false), BatchNorm2d(Ndf * 2), LeakyReLU(0.2, inplace: true),
        Conv2d(Ndf * 2, Ndf * 4, 4, stride: 2, padding: 1, bias: false), BatchNorm2d(Ndf * 4), LeakyReLU(0.2, inplace: true),
        Conv2d(Ndf * 4, 1, 4, bias: false));

    /// <summary>The example's <c>weights_init</c>: convolution weights ~ N(0, 0.02), BatchNorm weights ~ N(1, 0.02) and
    /// biases 0, drawn from <paramref name="init"/> module by module.</summary>
    private static Sequential Initialised(Sequential network, Generator init)
    {
        using var noGrad = no_grad();
        foreach (var module in network.modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    conv.weight!.normal_(0.0, 0.02, init);
                    break;
                case ConvTranspose2d conv:
                    conv.weight!.normal_(0.0, 0.02, init);
                    break;
                case BatchNorm2d norm:
                    norm.weight!.normal_(1.0, 0.02, init);
                    norm.bias!.zero_();
                    break;
            }
        }
        return network;
    }

    protected override Tensor Generate() => _generator.call(randn(Batch, Latent, 1, 1));

    protected override Tensor DiscriminatorLoss(Tensor fake)
    {
        var realLogits = Discriminate(_real).view(-1);
        var fakeLogits = Discriminate(fake).view(-1);
        return F.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
            + F.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
    }

    protected override Tensor GeneratorLoss(Tensor fake)
    {
        var logits = Discriminate(fake).view(-1);
        return F.binary_cross_entropy_with_logits(logits, ones_like(logits));
    }

    protected override void DisposeInputs() => _real.Dispose();
}
