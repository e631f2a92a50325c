using System.Text.Json;
using Gan.MLNet.Tests.Pipelines;
using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;
using Gan.Models.Torch;
using static Gan.MLNet.Tests.SuperResolution.SuperResolveTestData;

namespace Gan.MLNet.Tests.Persistence;

/// <summary>
/// A fitted pipeline holding both of our transformers between stock stages — LoadImages → ResizeImages → SuperResolve
/// → MapValueToKey → GanGenerate → ExtractPixels → SDCA → MapKeyToValue — and what it computes: predictions, upscaled
/// pixels and generated samples, to compare before and after SaveWithNetworks/LoadWithNetworks.
/// </summary>
internal static class SavedPipeline
{
    public sealed record Outputs(string[] Labels, float[][] Scores, byte[][] Upscaled, byte[][] Samples, string[] Columns);

    public static (ITransformer Model, DataViewSchema InputSchema) Fit(MLContext ml, string folder, TransformerScope ganScope = TransformerScope.Everything)
    {
        var train = ml.Data.LoadFromEnumerable(LabelledPhotos.Write(folder, 8, seed: 1));
        LabelledPhotos.Write(folder, 3, seed: 2);
        var pipeline = ml.Transforms.LoadImages("Image", folder, "Path")
            .Append(ml.Transforms.ResizeImages("Image", 8, 8))
            .Append(ml.Transforms.SuperResolve("Big", "Image", 2, FromFile(TinyModelFile(folder, 2), 2)))
            .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
            .Append(ml.Transforms.GanGenerate("Image", "Label", MixedPipelineTests.TinyGan), ganScope)
            .Append(ml.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 20))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return (pipeline.Fit(train), train.Schema);
    }

    /// <summary>The test rows' predictions and upscaled pixels, and four samples of the GAN, read from <paramref name="model"/>.</summary>
    public static Outputs Compute(MLContext ml, ITransformer model, string folder)
    {
        var test = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 3).SelectMany(i => new[] { $"night-2-{i:D2}.png", $"day-2-{i:D2}.png" })
            .Select(p => new LabelledPhotos.Row { Path = p, Label = p.StartsWith("day", StringComparison.Ordinal) ? "day" : "night" }).ToList());
        var scored = model.Transform(test);
        var engine = ml.Model.CreatePredictionEngine<LabelledPhotos.Row, LabelledPhotos.Prediction>(model);
        var gan = ((IEnumerable<ITransformer>)model).OfType<GanGeneratingTransformer>().Single();
        return new Outputs(
            [.. scored.GetColumn<string>("PredictedLabel").Zip(test.GetColumn<string>("Path"), (label, path) => engine.Predict(new LabelledPhotos.Row { Path = path }).Label == label ? label : "disagrees")],
            [.. scored.GetColumn<float[]>("Score")],
            [.. scored.GetColumn<MLImage>("Big").Select(i => i.ToImage().Pixels.ToArray())],
            [.. ml.Data.Generate(gan, 4, seed: 9).GetColumn<MLImage>("Image").Select(i => i.ToImage().Pixels.ToArray())],
            [.. scored.Schema.Where(c => !c.IsHidden).Select(c => $"{c.Name}:{c.Type}")]);
    }

    public static void Write(string path, Outputs outputs) => File.WriteAllText(path, JsonSerializer.Serialize(outputs));

    public static Outputs Read(string path) => JsonSerializer.Deserialize<Outputs>(File.ReadAllText(path))!;

    /// <summary>The fresh process's side: loads the model named by GAN_TEST_FOLDER and writes what it computes beside it.</summary>
    public static void LoadAndComputeInAFreshProcess()
    {
        TorchRuntime.EnsureLoaded();
        string folder = Environment.GetEnvironmentVariable("GAN_TEST_FOLDER")!;
        var ml = new MLContext(seed: 7);
        var model = ml.Model.LoadWithNetworks(Path.Combine(folder, "model.zip"), out _);
        Write(Path.Combine(folder, "loaded.json"), Compute(ml, model, folder));
        ((IDisposable)model).Dispose();
    }
}
