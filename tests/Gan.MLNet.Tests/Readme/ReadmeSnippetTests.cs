using System.Text.RegularExpressions;
using Gan.MLNet.Data;

namespace Gan.MLNet.Tests.Readme;

/// <summary>The Gan.MLNet snippet of README.md, compiled and run; a second test keeps the README's copies of it (and of the SuperResolve and TorchSharp snippets) identical.</summary>
[TestClass]
public sealed class ReadmeSnippetTests
{
    public sealed class Flower
    {
        [LoadColumn(0)] public float SepalLength { get; set; }
        [LoadColumn(1)] public float SepalWidth { get; set; }
        [LoadColumn(2), ColumnName("Label")] public string Species { get; set; } = "";
    }

    public sealed class FlowerFeatures
    {
        [VectorType(2)] public float[] Features { get; set; } = [];
        [ColumnName("Label")] public uint LabelKey { get; set; }
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
                .. Enumerable.Range(0, 30).Select(i => $"{4 + i % 10 * 0.1},{2 + i % 7 * 0.2},{(i % 2 == 0 ? "setosa" : "virginica")}")]);

            #region readme-mlnet
            var ml = new MLContext(seed: 1);
            IDataView data = ml.Data.LoadFromTextFile<Flower>(csvPath, separatorChar: ',', hasHeader: true);
            var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, samplingKeyColumnName: "Label");

            var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
                .Append(ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth"));
            using var model = pipeline.Fit(split.TrainSet);
            ml.Model.Save(model, data.Schema, modelPath);

            ITransformer loaded = ml.Model.Load(modelPath, out DataViewSchema inputSchema);
            var rows = ml.Data.CreateEnumerable<FlowerFeatures>(loaded.Transform(split.TestSet), reuseRowObject: false).ToList();
            #endregion

            Assert.HasCount(6, rows);
            Assert.IsTrue(rows.All(r => r.Features.Length == 2 && r.LabelKey is 1 or 2));
            Assert.AreEqual(data.Schema.Count, inputSchema.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("tests/Gan.MLNet.Tests/Readme/ReadmeSnippetTests.cs", "readme-mlnet")]
    [DataRow("tests/Gan.MLNet.Tests/SuperResolution/SuperResolveSnippetTests.cs", "readme-superresolve")]
    [DataRow("tests/Gan.Models.Tests/Torch/ReadmeTorchSnippetTests.cs", "readme-torchsharp")]
    public void TheReadmeShowsExactlyThisCode(string testFile, string region)
    {
        string source = File.ReadAllText(Path.Combine(RepositoryRoot(), testFile));
        string snippet = Regex.Match(source, $@"#region {region}\r?\n(.*?)\r?\n\s*#endregion", RegexOptions.Singleline).Groups[1].Value;
        Assert.IsGreaterThan(0, snippet.Length, $"{testFile} has no region {region}");
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.Contains(Normalize(snippet), Normalize(readme), $"README.md's {region} snippet differs from {testFile}; copy it over");
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
