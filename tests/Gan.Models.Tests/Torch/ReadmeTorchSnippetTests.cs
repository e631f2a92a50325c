using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// The TorchSharp snippet of README.md ("TorchSharp in our code"), compiled and run. Gan.MLNet.Tests' ReadmeSnippetTests
/// keeps the README's copy identical to the region below.
/// </summary>
[TestClass]
public sealed class ReadmeTorchSnippetTests
{
    [TestMethod]
    public void TheSnippetTrainsSavesAndReloadsAClassifier()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("classifier.safetensors");
        const int steps = 50;
        using var images = rand(64, 784);
        using var labels = randint(0, 10, [64]);

        #region readme-torchsharp
        var device = TorchRuntime.DefaultDevice;             // loads libtorch, or says what is missing; GAN_DEVICE=cpu|cuda|cuda:N
        using var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
        using (var init = new Generator(1)) SeededInit.ResetParameters(model, init);   // PyTorch's defaults, drawn from one seed
        model.to(device);
        using var adam = optim.Adam(model.parameters(), lr: 1e-3);

        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();             // every temporary of this step dies here
            var loss = nn.functional.cross_entropy(model.call(images.to(device)), labels.to(device));
            model.zero_grad();                               // set to none, as in PyTorch (the optimizer's would zero them)
            loss.backward();
            adam.step();
        }
        model.SaveSafeTensors(path, new Dictionary<string, string> { ["layers"] = "784-256-10" });   // atomic; PyTorch's keys

        using var copy = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
        using var file = SafeTensors.Load(path);             // the tensors and the metadata
        copy.LoadStateDictChecked(file.Tensors);             // every key, shape and dtype checked before anything is copied
        #endregion

        Assert.AreEqual("784-256-10", file.Metadata["layers"]);
        CollectionAssert.AreEquivalent(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, file.Tensors.Keys.ToArray());
        foreach (var (key, trained) in model.state_dict())
            TensorAssert.AreIdentical(trained, copy.state_dict()[key], key);

        using var untrained = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
        using (var init = new Generator(1)) SeededInit.ResetParameters(untrained, init);
        float before = Loss(untrained, images, labels), after = Loss(copy, images, labels);
        Assert.IsLessThan(before / 2, after, $"the loss fell from {before} to {after} only");
    }

    private static float Loss(nn.Module<Tensor, Tensor> network, Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return nn.functional.cross_entropy(network.call(images), labels).item<float>();
    }
}
