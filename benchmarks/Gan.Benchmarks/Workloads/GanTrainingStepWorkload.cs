using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// A workload whose iteration is one GAN training step, as the PyTorch DCGAN example takes it: G(z); a D step on
/// the real batch and G(z).detach(); then the G step through the updated D. Adam(lr 2e-4, betas (0.5, 0.999)) for
/// both nets; gradients are dropped before each backward (<c>zero_grad(set_to_none=True)</c>); every temporary lives
/// in one dispose scope per step. `peer --check` prints the losses of the first steps to show that both sides run
/// the same math.
/// </summary>
internal abstract class GanTrainingStepWorkload : Workload
{
    private readonly nn.Module _generator;
    private readonly nn.Module _discriminator;
    private readonly Adam _generatorOptimizer;
    private readonly Adam _discriminatorOptimizer;

    /// <summary>Creates the two optimizers over the networks' parameters.</summary>
    protected GanTrainingStepWorkload(nn.Module generator, nn.Module discriminator)
    {
        _generator = generator;
        _discriminator = discriminator;
        _generatorOptimizer = optim.Adam(generator.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        _discriminatorOptimizer = optim.Adam(discriminator.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
    }

    public override string Unit => "ms/step";
    public override double UnitScale => 1e3;

    public override void Run(int iterations)
    {
        for (int i = 0; i < iterations; i++) Step();
    }

    /// <summary>One step; <paramref name="observeLosses"/>, if given, sees the D and G losses before the step's scope frees them.</summary>
    public void Step(Action<Tensor, Tensor>? observeLosses = null)
    {
        using var scope = NewDisposeScope();
        var fake = Generate();

        // The module's zero_grad drops the gradients (set to none), as the peer's; the optimizer's would zero them.
        _discriminator.zero_grad();
        var dLoss = DiscriminatorLoss(fake.detach());
        dLoss.backward();
        _discriminatorOptimizer.step();

        _generator.zero_grad();
        var gLoss = GeneratorLoss(fake);
        gLoss.backward();
        _generatorOptimizer.step();

        observeLosses?.Invoke(dLoss, gLoss);
    }

    /// <summary>G(z) for fresh noise z ~ N(0, 1) from the global generator.</summary>
    protected abstract Tensor Generate();

    /// <summary>BCE-with-logits of D on the real batch (target 1) plus on <paramref name="fake"/> (target 0).</summary>
    protected abstract Tensor DiscriminatorLoss(Tensor fake);

    /// <summary>The non-saturating loss: BCE-with-logits of D on <paramref name="fake"/> with target 1.</summary>
    protected abstract Tensor GeneratorLoss(Tensor fake);

    /// <summary>Frees the networks and the fixed inputs.</summary>
    protected abstract void DisposeNetworksAndInputs();

    public sealed override void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        DisposeNetworksAndInputs();
    }
}
