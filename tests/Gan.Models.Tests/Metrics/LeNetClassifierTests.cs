using Gan.Models.Datasets;
using Gan.Models.Metrics;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Metrics;

[TestClass]
public sealed class LeNetClassifierTests
{
    [TestMethod]
    public void ShapesForBothSizesAndUnsupportedSizesRefused()
    {
        using var scope = NewDisposeScope();
        using var gray = new LeNetClassifier(28, 1);
        CollectionAssert.AreEqual(new long[] { 2, 10 }, gray.call(zeros(2, 1, 28, 28)).shape);
        using var rgb = new LeNetClassifier(32, 3, classCount: 4);
        CollectionAssert.AreEqual(new long[] { 2, LeNetClassifier.FeatureSize }, rgb.Features(zeros(2, 3, 32, 32)).shape);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LeNetClassifier(64));
        // The keys of the cached classifier files written before TorchSharp.
        CollectionAssert.AreEquivalent(
            new[] { "conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias" },
            gray.state_dict().Keys.ToArray());
    }

    [TestMethod]
    public void TwoEpochsOnSixThousandImagesClassifiesAndFeedsTheFrechetDistance()
    {
        if (!File.Exists(Path.Combine(FashionMnist.DefaultFolder, "t10k-labels-idx1-ubyte.gz")))
            Assert.Inconclusive("Debian's dataset-fashion-mnist is not installed");
        using var scope = NewDisposeScope();
        using var train = FashionMnist.LoadTrain();
        using var test = FashionMnist.LoadTest();
        using var subset = new LabelledImageSet(train.Images.narrow(0, 0, 6000), train.Labels.narrow(0, 0, 6000), train.ClassNames, train.Range);
        using var held = new LabelledImageSet(test.Images.narrow(0, 0, 2000), test.Labels.narrow(0, 0, 2000), test.ClassNames, test.Range);
        using var classifier = new LeNetClassifier();
        classifier.Fit(subset, epochs: 2, batchSize: 32, learningRate: 2e-3, seed: 7);
        double accuracy = classifier.Evaluate(held);
        Assert.IsGreaterThan(0.75, accuracy);

        using var inference = inference_mode();
        var realA = classifier.Features(held.Images.narrow(0, 0, 1000));
        var realB = classifier.Features(held.Images.narrow(0, 1000, 1000));
        using var noiseSource = new Generator(7);
        var noise = classifier.Features(rand([1000, 1, 28, 28], generator: noiseSource).mul(2.0).sub(1.0));
        double floor = FrechetDistance.Compute(realA, realB), ceiling = FrechetDistance.Compute(realA, noise);
        Assert.IsLessThan(ceiling / 10, floor, $"real vs real {floor}, real vs noise {ceiling}");

        string path = Path.Combine(Path.GetTempPath(), $"lenet-{Guid.NewGuid():N}.safetensors");
        try
        {
            classifier.SaveTo(path);
            using var loaded = new LeNetClassifier();
            loaded.LoadFrom(path);
            CollectionAssert.AreEqual(classifier.Predict(held.Images), loaded.Predict(held.Images));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
