using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

[TestClass]
public sealed class ModuleModeTests
{
    [TestMethod]
    public void ModulesStartInTrainingAndSwitchRecursively()
    {
        using var model = new Sequential(new Linear(2, 2), new Sequential(new Dropout(), new BatchNorm1d(2)));
        Assert.IsTrue(model.NamedModules().All(m => m.Module.IsTraining));
        model.Eval();
        Assert.IsTrue(model.NamedModules().All(m => !m.Module.IsTraining));
        model.Train();
        Assert.IsTrue(model.NamedModules().All(m => m.Module.IsTraining));
        model.Train(false);
        Assert.IsFalse(((Sequential)model[1])[1].IsTraining);
    }

    [TestMethod]
    public void DropoutIsTheIdentityInEvaluationAndMasksInTraining()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(7);
        using var dropout = new Dropout(0.5, generator);
        var x = Torch.Ones(1000);
        var trained = dropout.Call(x).ToArray<float>();
        Assert.IsTrue(trained.All(v => v == 0f || v == 2f), "kept elements are scaled by 1 / (1 − p)");
        int zeros = trained.Count(v => v == 0f);
        Assert.IsTrue(zeros is > 400 and < 600, $"{zeros} of 1000 zeroed");

        dropout.Eval();
        CollectionAssert.AreEqual(x.ToArray<float>(), dropout.Call(x).ToArray<float>());
    }

    [TestMethod]
    public void DropoutWithAGeneratorIsReproducible()
    {
        using var scope = Torch.NewDisposeScope();
        using var g1 = new Generator(11);
        using var g2 = new Generator(11);
        using var a = new Dropout(0.3, g1);
        using var b = new Dropout(0.3, g2);
        var x = Torch.Ones(64);
        CollectionAssert.AreEqual(a.Call(x).ToArray<float>(), b.Call(x).ToArray<float>());
    }

    [TestMethod]
    public void ZeroGradDropsEveryGradient()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = new Sequential(new Linear(3, 2), new Tanh(), new Linear(2, 1));
        model.Call(Torch.Ones(4, 3)).Sum().Backward();
        Assert.IsTrue(model.Parameters().All(p => p.Grad is not null));
        model.ZeroGrad();
        Assert.IsTrue(model.Parameters().All(p => p.Grad is null));
    }
}
