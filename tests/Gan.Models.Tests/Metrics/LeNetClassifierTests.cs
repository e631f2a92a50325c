using Gan.Models.Datasets;
using Gan.Models.Metrics;
using Gan.Torch;

namespace Gan.Models.Tests.Metrics;

[TestClass]
public sealed class LeNetClassifierTests
{
    [TestMethod]
    public void ShapesForBothSizesAndUnsupportedSizesRefused()
    {
        using var scope = Tensors.NewDisposeScope();
        using var gray = new LeNetClassifier(28, 1);
        CollectionAssert.AreEqual(new long[] { 2, 10 }, gray.Call(Tensors.Zeros(2, 1, 28, 28)).Shape);
        using var rgb = new LeNetClassifier(32, 3, classCount: 4);
        CollectionAssert.AreEqual(new long[] { 2, LeNetClassifier.FeatureSize }, rgb.Features(Tensors.Zeros(2, 3, 32, 32)).Shape);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LeNetClassifier(64));
    }

    [TestMethod]
    public void TwoEpochsOnSixThousandImagesClassifiesAndFeedsTheFrechetDistance()
    {
        if (!File.Exists(Path.Combine(FashionMnist.DefaultFolder, "t10k-labels-idx1-ubyte.gz")))
            Assert.Inconclusive("Debian's dataset-fashion-mnist is not installed");
        using var scope = Tensors.NewDisposeScope();
        using var train = FashionMnist.LoadTrain();
        using var test = FashionMnist.LoadTest();
        using var subset = new LabelledImageSet(train.Images.Narrow(0, 0, 6000), train.Labels.Narrow(0, 0, 6000), train.ClassNames, train.Range);
        using var held = new LabelledImageSet(test.Images.Narrow(0, 0, 2000), test.Labels.Narrow(0, 0, 2000), test.ClassNames, test.Range);
        using var classifier = new LeNetClassifier();
        classifier.Fit(subset, epochs: 2, batchSize: 32, learningRate: 2e-3, seed: 7);
        double accuracy = classifier.Evaluate(held);
        Assert.IsGreaterThan(0.75, accuracy);

        using var inference = Tensors.InferenceMode();
        var realA = classifier.Features(held.Images.Narrow(0, 0, 1000));
        var realB = classifier.Features(held.Images.Narrow(0, 1000, 1000));
        using var noiseSource = new Generator(7);
        var noise = classifier.Features(Tensors.Rand([1000, 1, 28, 28], generator: noiseSource).Mul(2.0).Sub(1.0));
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
