using Gan.MLNet.Data;

namespace Gan.MLNet.Tests;

/// <summary>Code written against the layer reads like ML.NET code: this is the shape users will write.</summary>
[TestClass]
public sealed class MlNetStyleUsageTests
{
    public sealed class FlowerInput
    {
        [LoadColumn(0)]
        public float SepalLength { get; set; }

        [LoadColumn(1)]
        public float SepalWidth { get; set; }

        [LoadColumn(2), ColumnName("Label")]
        public string Species { get; set; } = "";
    }

    public sealed class FlowerOutput
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        [ColumnName("Label")]
        public uint LabelKey { get; set; }

        public string Species { get; set; } = "";
    }

    private static IEnumerable<FlowerInput> Flowers()
    {
        string[] species = ["setosa", "versicolor", "virginica"];
        for (int i = 0; i < 90; i++)
            yield return new FlowerInput { SepalLength = 4 + i % 30 * 0.1f, SepalWidth = 2 + i % 7 * 0.2f, Species = species[i % 3] };
    }

    [TestMethod]
    public void PipelineReadsLikeMlNet()
    {
        var mlContext = new MLContext(seed: 0);
        IDataView data = mlContext.Data.LoadFromEnumerable(Flowers());
        DataOperationsCatalog.TrainTestData split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, samplingKeyColumnName: "Label");

        var pipeline = mlContext.Transforms.Conversion.MapValueToKey(outputColumnName: "Label")
            .Append(mlContext.Transforms.Concatenate("Features", "SepalLength", "SepalWidth"))
            .AppendCacheCheckpoint(mlContext)
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("Species", "Label"));

        using var model = pipeline.Fit(split.TrainSet);
        var predictions = mlContext.Data.CreateEnumerable<FlowerOutput>(model.Transform(split.TestSet), reuseRowObject: false).ToList();

        Assert.HasCount(18, predictions);
        Assert.IsTrue(predictions.All(p => p.Features.Length == 2 && p.LabelKey is >= 1 and <= 3));
        CollectionAssert.AreEquivalent(new[] { "setosa", "versicolor", "virginica" }, predictions.Select(p => p.Species).Distinct().ToArray());
        Assert.IsTrue(predictions.GroupBy(p => p.Species).All(g => g.Count() == 6), "stratified: 6 test rows per species");
    }
}
