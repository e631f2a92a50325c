using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

[TestClass]
public sealed class AdamStateTests
{
    [TestMethod]
    public void AStateThroughAFileContinuesTheRunBitForBit()
    {
        using var scope = NewDisposeScope();
        using var data = new Generator(1);
        var inputs = randn([4, 8, 3], generator: data);
        using var original = Network(seed: 2);
        using var adam = optim.Adam(original.parameters().ToArray(), 0.01, 0.5, 0.9);
        for (int step = 0; step < 3; step++) Step(original, adam, inputs[step]);
        adam.ParamGroups.First().LearningRate = 0.004;

        using var file = new MemoryStream();
        var (tensors, metadata) = AdamState.Extract(adam);
        SafeTensors.Save(tensors, file, metadata);
        file.Position = 0;
        using var copy = Network(seed: 3);
        copy.LoadStateDictChecked(original.state_dict());
        using var resumed = optim.Adam(copy.parameters().ToArray(), 0.5, 0.5, 0.9);
        using (var saved = SafeTensors.Load(file))
            AdamState.Restore(resumed, saved.Tensors, saved.Metadata);

        Assert.AreEqual(0.004, resumed.ParamGroups.First().LearningRate);
        Step(original, adam, inputs[3]);
        Step(copy, resumed, inputs[3]);
        foreach (var (key, value) in original.state_dict())
            CollectionAssert.AreEqual(value.CopyToArray<float>(), copy.state_dict()[key].CopyToArray<float>(), key);
    }

    [TestMethod]
    public void StepsAreKeptPerParameter()
    {
        using var scope = NewDisposeScope();
        using var network = Network(seed: 4);
        using var adam = optim.Adam(network.parameters().ToArray());
        using (no_grad()) network.parameters().First().requires_grad_(false);
        Step(network, adam, ones(2, 3));
        Assert.AreEqual("0,1", AdamState.Extract(adam).Metadata["steps"], "Adam skips a parameter without a gradient");
    }

    [TestMethod]
    public void AStateThatDoesNotFitIsRefusedByNameAndChangesNothing()
    {
        using var scope = NewDisposeScope();
        using var network = Network(seed: 5);
        using var adam = optim.Adam(network.parameters().ToArray(), 0.01);
        Step(network, adam, ones(2, 3));
        var (tensors, metadata) = AdamState.Extract(adam);
        using var wider = nn.Linear(3, 4);
        using var widerAdam = optim.Adam(wider.parameters().ToArray(), 0.02);

        var shapes = Assert.ThrowsExactly<FormatException>(() => AdamState.Restore(widerAdam, tensors, metadata));
        StringAssert.Contains(shapes.Message, "[2,3];[2]");
        StringAssert.Contains(shapes.Message, "[4,3];[4]");
        Assert.AreEqual(0.02, widerAdam.ParamGroups.First().LearningRate, "nothing changed");
        Assert.AreEqual("0,0", AdamState.Extract(widerAdam).Metadata["steps"]);

        var missing = tensors.Where(e => e.Key != "1.exp_avg_sq").ToDictionary();
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => AdamState.Restore(adam, missing, metadata)).Message, "1.exp_avg_sq");
        var sgd = new Dictionary<string, string>(metadata) { ["kind"] = "SGD" };
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => AdamState.Restore(adam, tensors, sgd)).Message, "SGD");
        var fewer = new Dictionary<string, string>(metadata) { ["steps"] = "1" };
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => AdamState.Restore(adam, tensors, fewer)).Message, "steps");
    }

    private static Linear Network(int seed)
    {
        var network = nn.Linear(3, 2);
        using var random = new Generator((ulong)seed);
        SeededInit.ResetParameters(network, random);
        return network;
    }

    private static void Step(Linear network, Adam adam, Tensor input)
    {
        using var scope = NewDisposeScope();
        network.zero_grad();
        network.call(input).square().mean().backward();
        adam.step();
    }
}
