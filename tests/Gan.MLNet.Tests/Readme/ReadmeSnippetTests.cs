using System.Text.RegularExpressions;
using Gan.MLNet.Transforms;
using Gan.Models.Training;

namespace Gan.MLNet.Tests.Readme;

/// <summary>The smallest Gan.MLNet program of README.md, compiled and run; a second test keeps the copies of it in README.md and in the package's README (and of the SuperResolve and TorchSharp snippets) identical.</summary>
[TestClass]
public sealed class ReadmeSnippetTests
{
    public sealed class Flower
    {
        [LoadColumn(0)] public float SepalLength { get; set; }
        [LoadColumn(1)] public float SepalWidth { get; set; }
        [LoadColumn(2)] public string Species { get; set; } = "";
    }

    public sealed class SpeciesPrediction
    {
        [ColumnName("PredictedLabel")] public string Species { get; set; } = "";
    }

    [TestMethod]
    public void TheSnippetRuns()
    {
        string folder = Directory.CreateTempSubdirectory("readme-").FullName;
        try
        {
            string csvPath = Path.Combine(folder, "flowers.csv");
            string modelPath = Path.Combine(folder, "model.zip");
            File.WriteAllLines(csvPath, ["SepalLength,SepalWidth,Species",
                .. Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? $"{4 + i % 10 * 0.05},{3 + i % 7 * 0.05},setosa" : $"{6 + i % 10 * 0.05},{2 + i % 7 * 0.05},virginica")]);

            #region readme-mlnet
            var ml = new MLContext(seed: 1);
            IDataView data = ml.Data.LoadFromTextFile<Flower>(csvPath, separatorChar: ',', hasHeader: true);

            var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Species")
                .Append(ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth"))
                .Append(ml.Transforms.GanGenerate("Features", "Label", new GanGeneratingEstimator.Options
                {
                    Training = new GanTrainerOptions { Epochs = 20, BatchSize = 8 },
                    SyntheticRatio = 1.0,                          // as many GAN-made rows as real ones, per class
                }))
                .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())   // fitted on real + synthetic rows
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
            using var model = pipeline.Fit(data);
            ml.Model.SaveWithNetworks(model, data.Schema, modelPath);      // one file: ML.NET's stages and the generator

            ITransformer loaded = ml.Model.LoadWithNetworks(modelPath, out DataViewSchema inputSchema);
            var engine = ml.Model.CreatePredictionEngine<Flower, SpeciesPrediction>(loaded);
            string species = engine.Predict(new Flower { SepalLength = 6.2f, SepalWidth = 2.1f }).Species;
            #endregion

            Assert.AreEqual("virginica", species);
            Assert.AreEqual(data.Schema.Count, inputSchema.Count);
            var metrics = ml.MulticlassClassification.Evaluate(loaded.Transform(data));
            Assert.IsGreaterThan(0.9, metrics.MacroAccuracy, "the loaded pipeline separates the two species");
            (loaded as IDisposable)?.Dispose();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("tests/Gan.MLNet.Tests/Readme/ReadmeSnippetTests.cs", "readme-mlnet", "README.md")]
    [DataRow("tests/Gan.MLNet.Tests/Readme/ReadmeSnippetTests.cs", "readme-mlnet", "src/Gan.MLNet/README.md")]
    [DataRow("tests/Gan.MLNet.Tests/SuperResolution/SuperResolveSnippetTests.cs", "readme-superresolve", "README.md")]
    [DataRow("tests/Gan.Models.Tests/Torch/ReadmeTorchSnippetTests.cs", "readme-torchsharp", "README.md")]
    public void TheReadmeShowsExactlyThisCode(string testFile, string region, string readmeFile)
    {
        string source = File.ReadAllText(Path.Combine(RepositoryRoot(), testFile));
        string snippet = Regex.Match(source, $@"#region {region}\r?\n(.*?)\r?\n\s*#endregion", RegexOptions.Singleline).Groups[1].Value;
        Assert.IsGreaterThan(0, snippet.Length, $"{testFile} has no region {region}");
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), readmeFile));
        Assert.Contains(Normalize(snippet), Normalize(readme), $"{readmeFile}'s {region} snippet differs from {testFile}; copy it over");
    }

    private static string Normalize(string code) =>
        string.Join("\n", code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gan.MLNet.sln"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (Gan.MLNet.sln) is not above " + AppContext.BaseDirectory);
    }
}
