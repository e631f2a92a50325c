using Gan.Torch.NN;
using Gan.Torch.Optim;

namespace Gan.Torch.Tests.Optim;

[TestClass]
public sealed class XorTrainingTests
{
    [TestMethod]
    public void TinyMlpLearnsXorWithAdam()
    {
        // A private generator keeps the run reproducible while other tests draw random numbers in parallel.
        using var generator = new Generator(7);
        using var x = Torch.FromArray(new[] { 0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f }, 4, 2);
        using var y = Torch.FromArray(new[] { 0f, 1f, 1f, 0f }, 4, 1);
        using var w1 = TestParameter.From(Torch.Randn([2, 8], generator: generator));
        using var b1 = TestParameter.From(Torch.Zeros(8));
        using var w2 = TestParameter.From(Torch.Randn([8, 1], generator: generator));
        using var b2 = TestParameter.From(Torch.Zeros(1));
        using var adam = new Adam([w1, b1, w2, b2], lr: 0.05);

        double loss = double.NaN;
        for (int step = 0; step < 300; step++)
        {
            using var scope = Torch.NewDisposeScope();
            var hidden = x.Matmul(w1).Add(b1).Tanh();
            var p = hidden.Matmul(w2).Add(b2).Sigmoid().Clamp(1e-7, 1 - 1e-7);
            // Binary cross-entropy: −mean(y·log p + (1 − y)·log(1 − p)).
            var bce = -(y * p.Log() + (1 - y) * (1 - p).Log()).Mean();
            adam.ZeroGrad();
            bce.Backward();
            adam.Step();
            loss = bce.Item<double>();
            if (loss < 0.05) break;
        }

        Assert.IsLessThan(0.05, loss);
        using var final = Torch.NewDisposeScope();
        var prediction = x.Matmul(w1).Add(b1).Tanh().Matmul(w2).Add(b2).Sigmoid().Gt(0.5);
        CollectionAssert.AreEqual(new[] { false, true, true, false }, prediction.ToArray<bool>());
    }
}
