using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// One GAN training step as the peer takes it: G(z); a D step on the real batch and G(z).detach(); then the
/// non-saturating G step through the updated D. Adam(lr 2e-4, betas (0.5, 0.999)) for each net (torch.optim.Adam
/// unless --adam chose another, <see cref="AdamVariants"/>); gradients set to
/// none before each backward (<c>module.zero_grad()</c>, as PyTorch's <c>zero_grad(set_to_none=True)</c>); every
/// temporary of a step lives in one dispose scope.
/// </summary>
internal abstract class GanStep : Workload
{
    private readonly nn.Module<Tensor, Tensor> _generator;
    private readonly nn.Module<Tensor, Tensor> _discriminator;
    private readonly (Action Step, IDisposable State) _generatorOptimizer;
    private readonly (Action Step, IDisposable State) _discriminatorOptimizer;

    protected GanStep(nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> discriminator)
    {
        _generator = generator;
        _discriminator = discriminator;
        _generatorOptimizer = AdamVariants.Create(generator.parameters());
        _discriminatorOptimizer = AdamVariants.Create(discriminator.parameters());
    }

    public override string Unit => "ms/step";
    public override double UnitScale => 1e3;

    /// <summary>D's logits for <paramref name="images"/>.</summary>
    protected Tensor Discriminate(Tensor images) => _discriminator.call(images);

    /// <summary>G(z) for fresh noise z ~ N(0, 1) from the global generator.</summary>
    protected abstract Tensor Generate();

    /// <summary>BCE-with-logits of D on the real batch (target 1) plus on <paramref name="fake"/> (target 0).</summary>
    protected abstract Tensor DiscriminatorLoss(Tensor fake);

    /// <summary>BCE-with-logits of D on <paramref name="fake"/> with target 1.</summary>
    protected abstract Tensor GeneratorLoss(Tensor fake);

    public override void RunBatch(int iterations)
    {
        for (int i = 0; i < iterations; i++) Step();
    }

    /// <summary>One step; <paramref name="observeLosses"/>, if given, sees the D and G losses before the step's scope frees them.</summary>
    public void Step(Action<Tensor, Tensor>? observeLosses = null)
    {
        using var scope = NewDisposeScope();
        var fake = Generate();

        _discriminator.zero_grad();
        var dLoss = DiscriminatorLoss(fake.detach());
        dLoss.backward();
        _discriminatorOptimizer.Step();

        _generator.zero_grad();
        var gLoss = GeneratorLoss(fake);
        gLoss.backward();
        _generatorOptimizer.Step();

        observeLosses?.Invoke(dLoss, gLoss);
    }

    /// <summary>Frees the fixed inputs of the concrete workload.</summary>
    protected abstract void DisposeInputs();

    public sealed override void Dispose()
    {
        _generatorOptimizer.State.Dispose();
        _discriminatorOptimizer.State.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
        DisposeInputs();
    }
}
