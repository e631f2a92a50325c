using Gan.Torch.NN;
using Gan.Torch.Optim;
using Gan.Torch;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// One Vanilla-GAN training step on MNIST-sized MLPs, batch 64, Adam(lr 2e-4, betas (0.5, 0.999)) for both nets:
/// the discriminator learns from a fixed real batch (uniform in [−1, 1]) and from G(z).Detach(), then the
/// generator takes the non-saturating step through the updated discriminator. Losses are BCE on logits; gradients
/// are dropped before each backward (<c>zero_grad(set_to_none=True)</c>), and every temporary lives in one dispose
/// scope per step. Operation for operation the same as the peer's <c>GanStep</c>.
/// </summary>
internal sealed class GanStepWorkload : Workload, ILossReporting
{
    private const int Batch = 64;
    private const int Latent = 100;
    private const int Image = 28 * 28;

    private readonly Sequential _generator = VanillaGan.Generator(Latent, Image);
    private readonly Sequential _discriminator = VanillaGan.Discriminator(Image);
    private readonly Adam _generatorOptimizer;
    private readonly Adam _discriminatorOptimizer;
    private readonly Tensor _real = Tensors.Rand(Batch, Image).MulInPlace(2).SubInPlace(1);
    private readonly Tensor _ones = Tensors.Ones(Batch, 1);
    private readonly Tensor _zeros = Tensors.Zeros(Batch, 1);

    public GanStepWorkload()
    {
        _generatorOptimizer = new Adam(_generator.Parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        _discriminatorOptimizer = new Adam(_discriminator.Parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
    }

    public override string Name => "gan_mlp_step";
    public override string Unit => "ms/step";
    public override double UnitScale => 1e3;
    public override TimingPlan Plan => new(Warmup: 10, Iterations: 20, Repeats: 7);

    public override void Run(int iterations)
    {
        for (int i = 0; i < iterations; i++) Step();
    }

    /// <inheritdoc/>
    public void Step(Action<Tensor, Tensor>? observeLosses = null)
    {
        using var scope = Tensors.NewDisposeScope();
        var z = Tensors.Randn(Batch, Latent);
        var fake = _generator.Call(z);

        _discriminatorOptimizer.ZeroGrad();
        var dLoss = Functional.BinaryCrossEntropyWithLogits(_discriminator.Call(_real), _ones)
                  + Functional.BinaryCrossEntropyWithLogits(_discriminator.Call(fake.Detach()), _zeros);
        dLoss.Backward();
        _discriminatorOptimizer.Step();

        _generatorOptimizer.ZeroGrad();
        var gLoss = Functional.BinaryCrossEntropyWithLogits(_discriminator.Call(fake), _ones);
        gLoss.Backward();
        _generatorOptimizer.Step();

        observeLosses?.Invoke(dLoss, gLoss);
    }

    public override void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
        _real.Dispose();
        _ones.Dispose();
        _zeros.Dispose();
    }
}
