using Gan.Models.Datasets;
using Gan.Models.Metrics;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Metrics;

[TestClass]
public sealed class ClassifierCacheTests
{
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("gan-classifier-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static LabelledImageSet TinySet()
    {
        using var random = new Generator(5);
        using var scope = NewDisposeScope();
        var images = rand([24, 1, 28, 28], generator: random);
        var labels = tensor(Enumerable.Range(0, 24).Select(i => (long)(i % 3)).ToArray());
        return new LabelledImageSet(images, labels, ["x", "y", "z"], PixelRange.ZeroToOne);
    }

    [TestMethod]
    public void TrainsOnceThenLoadsAndRetrainsWhenTheRecipeChanges()
    {
        using var data = TinySet();
        string path = Path.Combine(_folder, "sub", "lenet.safetensors");
        var recipe = new ClassifierRecipe(1, 8, 1e-3, 1, HorizontalFlips: false, Seed: 1);
        Assert.IsFalse(ClassifierCache.IsCached(path, data, "tiny", recipe));

        var epochs = new List<ClassifierEpoch>();
        using var trained = ClassifierCache.LoadOrTrain(path, data, "tiny", recipe, new SynchronousProgress<ClassifierEpoch>(epochs.Add));
        Assert.HasCount(1, epochs);
        Assert.IsTrue(ClassifierCache.IsCached(path, data, "tiny", recipe));
        var written = File.GetLastWriteTimeUtc(path);

        epochs.Clear();
        using var loaded = ClassifierCache.LoadOrTrain(path, data, "tiny", recipe, new SynchronousProgress<ClassifierEpoch>(epochs.Add));
        Assert.IsEmpty(epochs, "a cached classifier is not retrained");
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(path));
        using (var scope = NewDisposeScope())
        using (no_grad())
            CollectionAssert.AreEqual(trained.call(data.Images).CopyToArray<float>(), loaded.call(data.Images).CopyToArray<float>());

        var other = recipe with { Seed = 2 };
        Assert.IsFalse(ClassifierCache.IsCached(path, data, "tiny", other));
        Assert.IsFalse(ClassifierCache.IsCached(path, data, "other data", recipe));
        using var retrained = ClassifierCache.LoadOrTrain(path, data, "tiny", other, new SynchronousProgress<ClassifierEpoch>(epochs.Add));
        Assert.HasCount(1, epochs);
        using var file = SafeTensors.Load(path);
        Assert.AreEqual("2", file.Metadata["recipe.seed"]);
        Assert.AreEqual("tiny", file.Metadata["train.dataset"]);
        Assert.AreEqual("lenet5", file.Metadata["architecture"]);
    }

    [TestMethod]
    public void SameRecipeSameWeights()
    {
        using var data = TinySet();
        var recipe = new ClassifierRecipe(2, 8, 1e-3, 0.5, HorizontalFlips: true, Seed: 4);
        using var a = new LeNetClassifier(classCount: 3);
        using var b = new LeNetClassifier(classCount: 3);
        Assert.AreEqual(a.Fit(data, recipe), b.Fit(data, recipe));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        CollectionAssert.AreEqual(a.call(data.Images).CopyToArray<float>(), b.call(data.Images).CopyToArray<float>());
    }

    [TestMethod]
    public void InvalidRecipesAndImagesAreRefused()
    {
        using var data = TinySet();
        using var classifier = new LeNetClassifier(classCount: 3);
        var valid = new ClassifierRecipe(1, 8, 1e-3, 1, false, 1);
        Assert.AreEqual("LearningRateDecay", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => classifier.Fit(data, valid with { LearningRateDecay = 0 })).ParamName);
        Assert.AreEqual("Epochs", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => classifier.Fit(data, valid with { Epochs = 0 })).ParamName);
        Assert.AreEqual("LearningRate", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => classifier.Fit(data, valid with { LearningRate = double.NaN })).ParamName);
        using var wide = new LeNetClassifier(32, 3, classCount: 3);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => wide.Fit(data, valid)).Message, "[N, 3, 32, 32]");
    }
}
