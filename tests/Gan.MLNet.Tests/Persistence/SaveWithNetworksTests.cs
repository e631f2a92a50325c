using System.IO.Compression;
using System.Reflection;
using System.Text;
using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;
using Gan.Models.Tests.Torch;

namespace Gan.MLNet.Tests.Persistence;

[TestClass]
public sealed class SaveWithNetworksTests
{
    [TestMethod]
    public void ALoadedPipelineGivesIdenticalPredictionsPixelsAndSamplesInAFreshProcess()
    {
        using var temp = new TempFolder();
        var ml = new MLContext(seed: 1);
        var (model, schema) = SavedPipeline.Fit(ml, temp.Path);
        using var owned = (IDisposable)model;
        var before = SavedPipeline.Compute(ml, model, temp.Path);
        ml.Model.SaveWithNetworks(model, schema, temp.File("model.zip"));

        var (exitCode, output) = ChildProcess.Run(SavedPipeline.LoadAndComputeInAFreshProcess, new Dictionary<string, string?> { ["GAN_TEST_FOLDER"] = temp.Path });
        Assert.AreEqual(0, exitCode, output);
        var after = SavedPipeline.Read(temp.File("loaded.json"));

        CollectionAssert.AreEqual(new[] { "night", "day", "night", "day", "night", "day" }, before.Labels, "Transform and PredictionEngine agree, and are right");
        CollectionAssert.AreEqual(before.Labels, after.Labels);
        CollectionAssert.AreEqual(before.Columns, after.Columns, "the same output schema");
        for (int i = 0; i < 6; i++)
        {
            CollectionAssert.AreEqual(before.Scores[i], after.Scores[i], $"row {i}'s scores");
            CollectionAssert.AreEqual(before.Upscaled[i], after.Upscaled[i], $"row {i}'s upscaled pixels");
        }
        for (int i = 0; i < 4; i++) CollectionAssert.AreEqual(before.Samples[i], after.Samples[i], $"sample {i}");
        Assert.IsEmpty(Directory.GetFiles(temp.Path, "*.tmp"), "no temporary file is left");
    }

    [TestMethod]
    public void ScopesSurviveTheRoundTrip()
    {
        using var temp = new TempFolder();
        var ml = new MLContext(seed: 1);
        var (model, schema) = SavedPipeline.Fit(ml, temp.Path, TransformerScope.Training);
        using var owned = (IDisposable)model;
        using var stream = new MemoryStream();
        ml.Model.SaveWithNetworks(model, schema, stream);
        stream.Position = 0;

        var loaded = (TransformerChain<ITransformer>)ml.Model.LoadWithNetworks(stream, out _);
        using var loadedOwned = (IDisposable)loaded;
        var test = ml.Data.LoadFromEnumerable([new Pipelines.LabelledPhotos.Row { Path = "day-2-00.png", Label = "day" }]);

        Assert.IsNull(loaded.Transform(test).Schema.GetColumnOrNull("IsSynthetic"), "GanGenerate stays out of the scoring scope");
        Assert.IsNotNull(loaded.GetModelFor(TransformerScope.Training).OfType<GanGeneratingTransformer>().SingleOrDefault(), "and in the training scope");
        Assert.AreEqual("day", ml.Model.CreatePredictionEngine<Pipelines.LabelledPhotos.Row, Pipelines.LabelledPhotos.Prediction>(loaded)
            .Predict(new Pipelines.LabelledPhotos.Row { Path = "day-2-00.png" }).Label);
    }

    [TestMethod]
    public void StockSaveRefusesOurTransformersNamingSaveWithNetworks()
    {
        using var temp = new TempFolder();
        var ml = new MLContext(seed: 1);
        var (model, schema) = SavedPipeline.Fit(ml, temp.Path);
        using var owned = (IDisposable)model;

        var error = Assert.ThrowsExactly<NotSupportedException>(() => ml.Model.Save(model, schema, new MemoryStream()));

        StringAssert.Contains(error.Message, "mlContext.Model.SaveWithNetworks");
        StringAssert.Contains(error.Message, "SuperResolve", "the first of our transformers ML.NET reaches names itself");
    }

    [TestMethod]
    public void StockLoadRefusesOurFileNamingLoadWithNetworks()
    {
        using var temp = new TempFolder();
        var ml = new MLContext(seed: 1);
        var (model, schema) = SavedPipeline.Fit(ml, temp.Path);
        using (model as IDisposable) ml.Model.SaveWithNetworks(model, schema, temp.File("model.zip"));

        var error = Assert.ThrowsExactly<System.Reflection.TargetInvocationException>(() => new MLContext().Model.Load(temp.File("model.zip"), out _));

        // ML.NET creates loaders by reflection and so wraps what our placeholder's factory throws; ours is innermost.
        var innermost = error.GetBaseException();
        Assert.IsInstanceOfType<InvalidOperationException>(innermost);
        StringAssert.Contains(innermost.Message, "load it with mlContext.Model.LoadWithNetworks");
    }

    [TestMethod]
    public void AFailedSaveLeavesTheOldFileAndNoOther()
    {
        using var temp = new TempFolder();
        var ml = new MLContext();
        var data = ml.Data.LoadFromEnumerable([new Pipelines.LabelledPhotos.Row { Path = "a" }]);
        var unsavable = ml.Transforms.CustomMapping((Pipelines.LabelledPhotos.Row row, Pipelines.LabelledPhotos.Row copy) => copy.Path = row.Path, contractName: null).Fit(data);
        File.WriteAllText(temp.File("model.zip"), "the previous model");

        Assert.ThrowsExactly<InvalidOperationException>(() => ml.Model.SaveWithNetworks(unsavable, data.Schema, temp.File("model.zip")));

        Assert.AreEqual("the previous model", File.ReadAllText(temp.File("model.zip")));
        CollectionAssert.AreEqual(new[] { "model.zip" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    [DataRow("GanMLNet/1/generator.safetensors", DisplayName = "our weights")]
    [DataRow("TransformerChain/Model.key", DisplayName = "an ML.NET entry")]
    [DataRow("GanMLNet/manifest.json", DisplayName = "the manifest")]
    public void AnAlteredEntryIsRefusedNamingFileAndEntry(string entry)
    {
        using var temp = new TempFolder();
        string path = SaveTiny(temp);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var original = zip.GetEntry(entry) ?? throw new AssertFailedException($"no entry {entry}: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
            using var copy = new MemoryStream();
            using (var read = original.Open()) read.CopyTo(copy);
            byte[] bytes = copy.ToArray();
            bytes[bytes.Length / 2] ^= 0x01;
            original.Delete();
            using var write = zip.CreateEntry(entry).Open();
            write.Write(bytes);
        }

        var error = Assert.ThrowsExactly<ModelFormatException>(() => new MLContext().Model.LoadWithNetworks(path, out _));

        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, entry);
    }

    [TestMethod]
    public void TruncatedNewerAndForeignFilesAreRefusedByName()
    {
        using var temp = new TempFolder();
        string path = SaveTiny(temp);
        byte[] whole = File.ReadAllBytes(path);
        File.WriteAllBytes(temp.File("truncated.zip"), whole[..(whole.Length / 2)]);
        File.WriteAllText(temp.File("notes.zip"), "not a model");
        File.Copy(path, temp.File("newer.zip"));
        using (var zip = ZipFile.Open(temp.File("newer.zip"), ZipArchiveMode.Update))
        {
            string manifest;
            using (var read = new StreamReader(zip.GetEntry("GanMLNet/manifest.json")!.Open())) manifest = read.ReadToEnd();
            manifest = manifest.Replace("\"formatVersion\": 1", "\"formatVersion\": 99");
            Replace(zip, "GanMLNet/manifest.json", Encoding.UTF8.GetBytes(manifest));
            Replace(zip, "GanMLNet/manifest.sha256", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(manifest)))));
        }
        var ml = new MLContext();

        foreach (string name in (string[])["truncated.zip", "notes.zip", "newer.zip"])
        {
            var error = Assert.ThrowsExactly<ModelFormatException>(() => ml.Model.LoadWithNetworks(temp.File(name), out _), name);
            StringAssert.Contains(error.Message, name);
        }
        StringAssert.Contains(Assert.ThrowsExactly<ModelFormatException>(() => ml.Model.LoadWithNetworks(temp.File("newer.zip"), out _)).Message, "format version 99");
    }

    [TestMethod]
    public void TheFileNamesThisLibraryByItsFixedAssemblyVersionSoLaterPackagesLoadIt()
    {
        using var temp = new TempFolder();
        string path = SaveTiny(temp);
        const string recorded = "Gan.MLNet, Version=";
        var named = new List<string>();
        using (var zip = ZipFile.OpenRead(path))
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("TransformerChain/", StringComparison.Ordinal)))
            {
                using var copy = new MemoryStream();
                using (var read = entry.Open()) read.CopyTo(copy);
                string text = Encoding.Unicode.GetString(copy.ToArray()); // ML.NET's string table is UTF-16
                int at = text.IndexOf(recorded, StringComparison.Ordinal);
                if (at >= 0) named.Add(text.Substring(at, recorded.Length + "1.0.0.0,".Length));
            }

        // ML.NET records the placeholder factory's assembly by full name and binds it to that version or a later one:
        // the package version moves, the assembly version stays (Gan.MLNet.csproj).
        CollectionAssert.AreEqual(new[] { recorded + "1.0.0.0,", recorded + "1.0.0.0," }, named);
        string? packageVersion = typeof(GanGeneratingTransformer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        Assert.IsNotNull(packageVersion);
        Assert.DoesNotStartWith("1.0.0+", packageVersion, "the package version is set (Directory.Build.props), not the SDK's default");
    }

    [TestMethod]
    public void DescribeListsOurTransformersAndEveryEntry()
    {
        using var temp = new TempFolder();
        string path = SaveTiny(temp);

        var description = new MLContext().Model.DescribeWithNetworks(path);

        Assert.AreEqual(1, description.FormatVersion);
        CollectionAssert.AreEqual(new[] { "SuperResolve", "GanGenerate" }, description.Transformers.Select(t => t.Kind).ToArray());
        Assert.IsTrue(description.Entries.Any(e => e.Name == "GanMLNet/1/generator.safetensors" && e.Sha256.Length == 64));
    }

    private static string SaveTiny(TempFolder temp)
    {
        var ml = new MLContext(seed: 1);
        var (model, schema) = SavedPipeline.Fit(ml, temp.Path);
        using (model as IDisposable) ml.Model.SaveWithNetworks(model, schema, temp.File("model.zip"));
        return temp.File("model.zip");
    }

    private static void Replace(ZipArchive zip, string entry, byte[] bytes)
    {
        zip.GetEntry(entry)!.Delete();
        using var write = zip.CreateEntry(entry).Open();
        write.Write(bytes);
    }
}
