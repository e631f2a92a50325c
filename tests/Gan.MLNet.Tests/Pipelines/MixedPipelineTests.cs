using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;
using Gan.Models.Gans;
using Gan.Models.Training;

namespace Gan.MLNet.Tests.Pipelines;

/// <summary>GanGenerate and SuperResolve between stock ML.NET 6.0 stages and trainers, through every way ML.NET runs a pipeline.</summary>
[TestClass]
public sealed class MixedPipelineTests
{
    internal static GanGeneratingEstimator.Options TinyGan => new()
    {
        Kind = GanKind.Conditional,
        Model = new GanOptions { LatentSize = 8, GeneratorWidth = 16, DiscriminatorWidth = 16 },
        Training = new GanTrainerOptions { Epochs = 2, BatchSize = 8, Seed = 3 },
        SyntheticRowsPerClass = 10,
    };

    /// <summary>
    /// LoadImages → ResizeImages → MapValueToKey → GanGenerate → ExtractPixels → (counting) → SDCA → MapKeyToValue, in
    /// one EstimatorChain: augmentation reaches the estimators after GanGenerate in its own chain (a chain appended as
    /// one estimator to another is applied to the outer chain's data in the scoring scope, as ML.NET does).
    /// </summary>
    internal static IEstimator<ITransformer> ImageClassifier(MLContext ml, string folder, GanGeneratingEstimator.Options gan,
        RowCountingEstimator counting, TransformerScope ganScope = TransformerScope.Everything) =>
        ml.Transforms.LoadImages("Image", folder, "Path")
            .Append(ml.Transforms.ResizeImages("Image", 8, 8))
            .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
            .Append(ml.Transforms.GanGenerate("Image", "Label", gan), ganScope)
            .Append(ml.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255))
            .Append(counting)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 20))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

    [TestMethod]
    public void AnImageClassifierWithGanGenerateRunsThroughEveryStockPath()
    {
        using var temp = new TempFolder();
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(LabelledPhotos.Write(temp.Path, 12, seed: 1));
        var test = ml.Data.LoadFromTextFile<LabelledPhotos.Row>(LabelledPhotos.WriteCsv(temp.File("test.csv"), LabelledPhotos.Write(temp.Path, 6, seed: 2)), separatorChar: ',', hasHeader: true);
        var counting = new RowCountingEstimator(ml, "Features");
        var pipeline = ImageClassifier(ml, temp.Path, TinyGan, counting);

        var model = pipeline.Fit(train);
        using var owned = (IDisposable)model;
        var scored = model.Transform(test);
        var metrics = ml.MulticlassClassification.Evaluate(scored);
        var preview = scored.Preview(maxRows: 5);
        var predictions = ml.Data.CreateEnumerable<LabelledPhotos.Prediction>(scored, reuseRowObject: false).ToList();
        var engine = ml.Model.CreatePredictionEngine<LabelledPhotos.Row, LabelledPhotos.Prediction>(model);

        Assert.AreEqual(24 + 2 * 10, counting.RowsSeenAtFit, "the stages after GanGenerate were fitted on 24 real + 20 synthetic rows");
        Assert.IsGreaterThanOrEqualTo(0.9, metrics.MacroAccuracy, "day and night are told apart");
        Assert.HasCount(5, preview.RowView);
        Assert.IsTrue(preview.Schema.Any(c => c.Name == "IsSynthetic"), "the flag column is in the scoring schema");
        Assert.HasCount(12, predictions, "scoring passes the test rows through: no synthetic rows");
        Assert.AreEqual("day", engine.Predict(new LabelledPhotos.Row { Path = "day-2-00.png" }).Label);
        Assert.AreEqual("night", engine.Predict(new LabelledPhotos.Row { Path = "night-2-03.png" }).Label);
    }

    [TestMethod]
    public void AGanInTheTrainingScopeIsLeftOutOfScoringAndKeptInPredictionEngines()
    {
        using var temp = new TempFolder();
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(LabelledPhotos.Write(temp.Path, 8, seed: 1));
        var counting = new RowCountingEstimator(ml, "Features");

        var model = ImageClassifier(ml, temp.Path, TinyGan, counting, TransformerScope.Training).Fit(train);
        using var owned = (IDisposable)model;
        var scored = model.Transform(train);
        var engine = ml.Model.CreatePredictionEngine<LabelledPhotos.Row, LabelledPhotos.Prediction>(model);

        Assert.AreEqual(16 + 20, counting.RowsSeenAtFit);
        Assert.IsNull(scored.Schema.GetColumnOrNull("IsSynthetic"), "Transform means the scoring scope: GanGenerate is skipped");
        Assert.AreEqual(16, scored.GetColumn<string>("PredictedLabel").Count());
        Assert.AreEqual("day", engine.Predict(new LabelledPhotos.Row { Path = "day-1-00.png" }).Label);
    }

    [TestMethod]
    public void SuperResolveSitsBetweenStockImageStages()
    {
        using var temp = new TempFolder();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(LabelledPhotos.Write(temp.Path, 2));
        var pipeline = ml.Transforms.LoadImages("Image", temp.Path, "Path")
            .Append(ml.Transforms.ResizeImages("Image", 8, 8))
            .Append(ml.Transforms.SuperResolve("Big", "Image", scale: 2))
            .Append(ml.Transforms.ConvertToGrayscale("Gray", "Big"))
            .Append(ml.Transforms.ExtractPixels("Pixels", "Gray", colorsToExtract: ImagePixelExtractingEstimator.ColorBits.Red))
            .Append(ml.Transforms.Conversion.MapValueToKey("Label"));

        using var model = pipeline.Fit(data);
        var view = model.Transform(data);
        var pixels = view.GetColumn<float[]>("Pixels").ToList();
        var engine = ml.Model.CreatePredictionEngine<LabelledPhotos.Row, BigRow>(model);

        Assert.AreEqual(new ImageDataViewType(16, 16), view.Schema["Big"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 1, 16, 16), view.Schema["Pixels"].Type);
        Assert.HasCount(4, pixels);
        Assert.IsTrue(pixels[0].Average() < 100 && pixels[1].Average() > 150, "night stays dark and day bright after ×2");
        using var big = engine.Predict(new LabelledPhotos.Row { Path = "day-0-01.png" }).Big!;
        Assert.AreEqual((16, 16), (big.Width, big.Height));
    }

    public sealed class BigRow
    {
        [ImageType(16, 16)] public MLImage? Big { get; set; }
    }
}
