// The package consumer check (scripts/test-packages.sh): an application outside this repository, made by
// `dotnet new console`, that references the Gan.MLNet package and the CPU backend and nothing else of ours. It fits a
// chain of stock ML.NET stages with SuperResolve and GanGenerate, saves and loads it as one file and checks the
// outputs. Each check prints one "consumer: ok ..." line; the first failure prints "consumer: FAILED ..." and exits 1.
using Gan.MLNet.Transforms;
using Gan.Models.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: PackageConsumer <work folder>");
    return 2;
}
string work = Directory.CreateDirectory(args[0]).FullName;
string imageFolder = Directory.CreateDirectory(Path.Combine(work, "images")).FullName;

// 40 rows: two classes apart in two features, each with a small photo-like PNG (brighter for "day").
var random = new Random(7);
var rows = new List<Row>();
for (int i = 0; i < 40; i++)
{
    bool day = i % 2 == 1;
    string name = $"photo-{i:D2}.png";
    const int width = 24, height = 20;
    var bgra = new byte[width * height * 4];
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            int p = (y * width + x) * 4, level = (day ? 150 : 50) + 3 * x + 2 * y + random.Next(-10, 11);
            bgra[p] = (byte)Math.Clamp(level, 0, 255);
            bgra[p + 1] = (byte)Math.Clamp(level + 20, 0, 255);
            bgra[p + 2] = (byte)Math.Clamp(level + 40, 0, 255);
            bgra[p + 3] = 255;
        }
    using (var image = MLImage.CreateFromPixels(width, height, MLPixelFormat.Bgra32, bgra))
        image.Save(Path.Combine(imageFolder, name));
    rows.Add(new Row
    {
        Path = name,
        Species = day ? "day" : "night",
        Features = [(day ? 6f : 4f) + (float)random.NextDouble() * 0.5f, (day ? 2f : 3f) + (float)random.NextDouble() * 0.5f],
    });
}

var ml = new MLContext(seed: 1);
IDataView data = ml.Data.LoadFromEnumerable(rows);
var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Species")
    .Append(ml.Transforms.LoadImages("Image", imageFolder, "Path"))
    .Append(ml.Transforms.SuperResolve("Upscaled", "Image", scale: 2))
    .Append(ml.Transforms.GanGenerate("Features", "Label", new GanGeneratingEstimator.Options
    {
        Training = new GanTrainerOptions { Epochs = 20, BatchSize = 8 },
        SyntheticRatio = 1.0,
    }))
    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
    .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
using var model = pipeline.Fit(data);
var stages = model.ToList();
Check($"a chain of {stages.Count} stages was fitted: MapValueToKey, LoadImages, SuperResolve, GanGenerate, SdcaMaximumEntropy, MapKeyToValue", stages.Count == 6);

var gan = stages.OfType<GanGeneratingTransformer>().Single();
IDataView beforeGan = stages.TakeWhile(stage => stage != gan).Aggregate(data, (view, stage) => stage.Transform(view));
long? augmented = gan.TransformForTrainingPipeline(beforeGan).GetRowCount();
Check($"the trainer's view held 40 real + {augmented - 40} synthetic rows", augmented == 80);

IDataView scored = model.Transform(data);
var metrics = ml.MulticlassClassification.Evaluate(scored);
Check($"macro-accuracy {metrics.MacroAccuracy:F3} >= 0.9", metrics.MacroAccuracy >= 0.9);
bool[] synthetic = scored.GetColumn<bool>("IsSynthetic").ToArray();
Check($"scoring passed {synthetic.Length} rows through, none synthetic", synthetic.Length == 40 && !synthetic.Any(s => s));

var (upscaled, inputMean) = ReadUpscaled(scored);
Check($"SuperResolve made {upscaled[0].Width}x{upscaled[0].Height} images of 24x20 inputs", upscaled.All(u => u.Width == 48 && u.Height == 40));
double outputMean = upscaled[0].Pixels.Where((_, i) => i % 4 != 3).Average(b => (double)b);
Check($"the first upscaled image keeps its brightness ({inputMean:F1} -> {outputMean:F1})", Math.Abs(outputMean - inputMean) < 8);

float[][] generated = ml.Data.Generate(gan, count: 10, label: "day").GetColumn<float[]>("Features").ToArray();
Check($"Generate drew {generated.Length} finite 'day' rows", generated.Length == 10 && generated.All(f => f.Length == 2 && f.All(float.IsFinite)));

string modelPath = Path.Combine(work, "model.zip");
ml.Model.SaveWithNetworks(model, data.Schema, modelPath);
ITransformer loaded = ml.Model.LoadWithNetworks(modelPath, out DataViewSchema inputSchema);
Check($"SaveWithNetworks wrote {new FileInfo(modelPath).Length / 1024} KiB; LoadWithNetworks read {inputSchema.Count} input columns", inputSchema.Count == data.Schema.Count);
IDataView rescored = loaded.Transform(data);
float[][] scores = scored.GetColumn<float[]>("Score").ToArray(), rescores = rescored.GetColumn<float[]>("Score").ToArray();
Check("the loaded chain gives identical scores", scores.Zip(rescores).All(pair => pair.First.SequenceEqual(pair.Second)));
var (reupscaled, _) = ReadUpscaled(rescored);
Check("the loaded chain gives identical upscaled pixels", upscaled.Zip(reupscaled).All(pair => pair.First.Pixels.SequenceEqual(pair.Second.Pixels)));
var engine = ml.Model.CreatePredictionEngine<Row, Prediction>(loaded);
string predicted = engine.Predict(new Row { Path = rows[1].Path, Features = [6.2f, 2.1f] }).Species;
Check($"a PredictionEngine on the loaded chain says '{predicted}'", predicted == "day");
(loaded as IDisposable)?.Dispose();
Console.WriteLine("consumer: all checks passed");
return 0;

static void Check(string what, bool ok)
{
    Console.WriteLine($"consumer: {(ok ? "ok" : "FAILED")} {what}");
    if (!ok) Environment.Exit(1);
}

// Every row's upscaled image (width, height, BGRA bytes) and the first input image's mean channel level.
static (List<(int Width, int Height, byte[] Pixels)> Images, double FirstInputMean) ReadUpscaled(IDataView view)
{
    var images = new List<(int, int, byte[])>();
    double firstInputMean = double.NaN;
    var input = view.Schema["Image"];
    var output = view.Schema["Upscaled"];
    using var cursor = view.GetRowCursor([input, output]);
    var getInput = cursor.GetGetter<MLImage>(input);
    var getOutput = cursor.GetGetter<MLImage>(output);
    MLImage inputImage = null!, outputImage = null!;
    while (cursor.MoveNext())
    {
        if (double.IsNaN(firstInputMean))
        {
            getInput(ref inputImage);
            firstInputMean = inputImage.Pixels.ToArray().Where((_, i) => i % 4 != 3).Average(b => (double)b);
        }
        getOutput(ref outputImage);
        images.Add((outputImage.Width, outputImage.Height, outputImage.Pixels.ToArray()));
    }
    return (images, firstInputMean);
}

public sealed class Row
{
    public string Path { get; set; } = "";
    public string Species { get; set; } = "";
    [VectorType(2)] public float[] Features { get; set; } = [];
}

public sealed class Prediction
{
    [ColumnName("PredictedLabel")] public string Species { get; set; } = "";
    public float[] Score { get; set; } = [];
}
