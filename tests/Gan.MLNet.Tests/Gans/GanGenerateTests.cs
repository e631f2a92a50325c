using Gan.MLNet.Transforms;
using Gan.Models.Gans;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Gans;

[TestClass]
public sealed class GanGenerateTests
{
    private static List<GanGenerateTestData.GeneratedRow> Read(MLContext context, IDataView view) =>
        context.Data.CreateEnumerable<GanGenerateTestData.GeneratedRow>(view, reuseRowObject: false, ignoreMissingColumns: true).ToList();

    [TestMethod]
    public void AugmentAddsTheRequestedRowsPerClassOnlyInTheTrainingScope()
    {
        var context = new MLContext(seed: 1);
        var data = GanGenerateTestData.Keyed(context);
        using var transformer = context.Transforms.GanGenerate(GanGenerateTestData.Options() with { SyntheticRowsPerClass = 7 }).Fit(data);

        var training = Read(context, transformer.TransformForTrainingPipeline(data));
        Assert.HasCount(60 + 3 * 7, training);
        Assert.IsTrue(training.Take(60).All(r => !r.IsSynthetic), "real rows come first, unflagged");
        var synthetic = training.Skip(60).ToList();
        Assert.IsTrue(synthetic.All(r => r.IsSynthetic));
        CollectionAssert.AreEqual(new[] { 7, 7, 7 }, synthetic.GroupBy(r => r.SpeciesKey).OrderBy(g => g.Key).Select(g => g.Count()).ToArray());
        Assert.IsTrue(synthetic.All(r => r.Features.Length == 4 && r.Features.All(float.IsFinite)));

        var scoring = Read(context, transformer.Transform(GanGenerateTestData.Keyed(context)));
        Assert.HasCount(60, scoring, "any view but the one it was fitted on passes through");
        Assert.IsTrue(scoring.All(r => !r.IsSynthetic));
        Assert.HasCount(81, Read(context, transformer.Transform(data)), "the view it was fitted on is what EstimatorChain passes on: augmented");
    }

    [TestMethod]
    public void AugmentInsideAFittedPipelineFeedsSyntheticRowsToLaterEstimatorsOnly()
    {
        var context = new MLContext(seed: 1);
        var raw = context.Data.LoadFromEnumerable(GanGenerateTestData.Rows().ToList());
        var counting = new RowCountingEstimator(context, "Weight");
        var pipeline = context.Transforms.Conversion.MapValueToKey("Species")
            .Append(context.Transforms.GanGenerate(GanGenerateTestData.Options() with { SyntheticRowsPerClass = 5 }))
            .Append(counting);
        using var model = pipeline.Fit(raw);
        Assert.AreEqual(75, counting.RowsSeenAtFit, "the estimator after GanGenerate was fitted on real + synthetic rows");
        Assert.HasCount(60, Read(context, model.Transform(raw)));
    }

    [TestMethod]
    [DataRow(0.5, new[] { 15, 10, 5 })]
    [DataRow(0.0, new[] { 0, 10, 20 })]
    public void RatioFollowsTheClassCountsAndBalanceTopsUpToTheLargestClass(double ratio, int[] expected)
    {
        var context = new MLContext(seed: 1);
        var data = GanGenerateTestData.Keyed(context);
        var options = ratio > 0 ? GanGenerateTestData.Options() with { SyntheticRatio = ratio } : GanGenerateTestData.Options() with { BalanceClasses = true };
        using var transformer = context.Transforms.GanGenerate(options).Fit(data);
        var synthetic = Read(context, transformer.TransformForTrainingPipeline(data)).Where(r => r.IsSynthetic).ToList();
        CollectionAssert.AreEqual(expected, new uint[] { 1, 2, 3 }.Select(k => synthetic.Count(r => r.SpeciesKey == k)).ToArray());
    }

    [TestMethod]
    public void GeneratedVectorsComeBackOnTheColumnsOwnScale()
    {
        var context = new MLContext(seed: 1);
        var data = GanGenerateTestData.Keyed(context);
        using var transformer = context.Transforms.GanGenerate(GanGenerateTestData.Options()).Fit(data);
        var rows = Read(context, context.Data.Generate(transformer, 40));
        Assert.IsTrue(rows.All(r => r.Features[2] == 100f), "a constant slot is reproduced exactly");
        Assert.IsTrue(rows.All(r => r.Features[3] is >= 0 and <= 1000), "slot 3 stays inside the range seen at Fit");
        CollectionAssert.AreEqual(Enumerable.Range(0, 40).Select(i => (uint)(i % 3 + 1)).ToArray(), rows.Select(r => r.SpeciesKey).ToArray());
    }

    [TestMethod]
    public void SavedAndLoadedTransformerGeneratesTheSameSamples()
    {
        var context = new MLContext(seed: 1);
        var data = GanGenerateTestData.Keyed(context);
        using var transformer = context.Transforms.GanGenerate(GanGenerateTestData.Options() with { GenerationSeed = 42 }).Fit(data);
        var (other, loaded, copy) = GanGenerateTestData.SaveAndLoad(context, transformer, data.Schema);
        using var disposable = loaded as IDisposable;

        var before = Read(context, context.Data.Generate(transformer, 10, "b"));
        var after = Read(other, other.Data.Generate(copy, 10, "b"));
        Assert.IsTrue(before.All(r => r.SpeciesKey == 2));
        for (int i = 0; i < before.Count; i++)
            CollectionAssert.AreEqual(before[i].Features, after[i].Features, $"sample {i}");
        CollectionAssert.AreEqual(transformer.ClassNames.ToArray(), copy.ClassNames.ToArray());
        var otherSeed = Read(context, context.Data.Generate(transformer, 1, "b"));
        for (int j = 0; j < 4; j++)
            Assert.AreEqual(before[0].Features[j], otherSeed[0].Features[j], 1e-4 * Math.Abs(before[0].Features[j]) + 1e-6, "sample 0 does not depend on how many are drawn (up to BLAS rounding across batch sizes)");
    }

    [TestMethod]
    public void AnotherSeedGivesOtherSamplesAndTheSameSeedTheSame()
    {
        var context = new MLContext(seed: 1);
        var data = GanGenerateTestData.Keyed(context);
        using var transformer = context.Transforms.GanGenerate(GanGenerateTestData.Options()).Fit(data);
        float[] First(ulong? seed) => Read(context, context.Data.Generate(transformer, 3, "a", seed))[0].Features;
        CollectionAssert.AreEqual(First(null), First(transformer.GenerationSeed));
        CollectionAssert.AreNotEqual(First(null), First(transformer.GenerationSeed + 1));
    }

    [TestMethod]
    public void RowToRowFillsTheOutputWithASampleForEachRowsLabel()
    {
        var context = new MLContext(seed: 1);
        var data = GanGenerateTestData.Keyed(context);
        var options = GanGenerateTestData.Options() with { Mode = GanGenerateMode.RowToRow, InputColumnName = "Features", OutputColumnName = "Generated" };
        using var transformer = context.Transforms.GanGenerate(options).Fit(data);
        var view = transformer.Transform(data);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 4), view.Schema["Generated"].Type);
        var first = view.GetColumn<VBuffer<float>>("Generated").Select(v => v.DenseValues().ToArray()).ToList();
        var second = view.GetColumn<VBuffer<float>>("Generated").Select(v => v.DenseValues().ToArray()).ToList();
        Assert.HasCount(60, first);
        CollectionAssert.AreEqual(first[17], second[17], "a row's sample is stable across reads");
        CollectionAssert.AreNotEqual(first[17], first[18], "rows get their own noise");
        Assert.AreEqual(60, transformer.TransformForTrainingPipeline(data).GetColumn<uint>("Species").Count(), "no rows are appended in row-to-row mode");
    }

    [TestMethod]
    public void UnconditionalAugmentAddsThePerClassCountOnce()
    {
        var context = new MLContext(seed: 1);
        var data = context.Data.LoadFromEnumerable(GanGenerateTestData.Rows().ToList());
        using var transformer = context.Transforms.GanGenerate(GanGenerateTestData.Options(label: null) with { SyntheticRowsPerClass = 9 }).Fit(data);
        Assert.AreEqual(GanKind.Vanilla, transformer.ModelOptions.Kind);
        Assert.AreEqual(69, transformer.TransformForTrainingPipeline(data).GetColumn<bool>("IsSynthetic").Count());
        Assert.ThrowsExactly<ArgumentException>(() => context.Data.Generate(transformer, 1, "a"));
    }

    [TestMethod]
    [DoNotParallelize] // the conditional MLP's dropout draws from the process-wide generator, which a parallel trainer would share
    public void AResumedFitGeneratesWhatAnUninterruptedOneDoes()
    {
        using var folder = new TempFolder();
        var context = new MLContext(seed: 1);
        var data = GanGenerateTestData.Keyed(context);
        var twoEpochs = GanGenerateTestData.Options();
        var firstEpoch = twoEpochs with { Training = twoEpochs.Training.Clone() };
        firstEpoch.Training.Epochs = 1;
        firstEpoch.Training.CheckpointPath = folder.File("run.checkpoint");
        var secondEpoch = firstEpoch with { ResumeCheckpoint = folder.File("run.checkpoint") };

        using var uninterrupted = context.Transforms.GanGenerate(twoEpochs).Fit(data);
        using (context.Transforms.GanGenerate(firstEpoch).Fit(data)) { }
        using var resumed = context.Transforms.GanGenerate(secondEpoch).Fit(data);

        var expected = Read(context, context.Data.Generate(uninterrupted, 6));
        var actual = Read(context, context.Data.Generate(resumed, 6));
        for (int i = 0; i < expected.Count; i++)
            CollectionAssert.AreEqual(expected[i].Features, actual[i].Features, $"sample {i}");
        var vanilla = GanGenerateTestData.Options(label: null) with { ResumeCheckpoint = folder.File("run.checkpoint") };
        var e = Assert.ThrowsExactly<ArgumentException>(() => context.Transforms.GanGenerate(vanilla).Fit(data));
        StringAssert.Contains(e.Message, "run.checkpoint");
    }
}
