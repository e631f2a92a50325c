using System.Globalization;
using Gan.Imaging;
using Gan.Imaging.Composition;
using Gan.MLNet;
using ImagePipeline;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

// Usage: ImagePipeline [output-folder]   (default artifacts/image-pipeline/)
// The photos are scikit-image's sample images (Debian package python3-skimage).
const string PhotoFolder = "/usr/lib/python3/dist-packages/skimage/data";
const int Side = 64;
(string File, string Label)[] photos =
[
    ("astronaut.png", "person"), ("camera.png", "person"), ("chelsea.png", "cat"), ("coffee.png", "food"),
    ("rocket.jpg", "vehicle"), ("motorcycle_left.png", "vehicle"), ("retina.jpg", "medical"), ("hubble_deep_field.jpg", "space"),
    ("coins.png", "object"), ("horse.png", "animal"),
];

string output = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("artifacts", "image-pipeline"));
var available = photos.Where(p => File.Exists(Path.Combine(PhotoFolder, p.File))).ToArray();
if (available.Length == 0)
{
    Console.Error.WriteLine($"No sample photos in {PhotoFolder}; install python3-skimage.");
    return 1;
}
Directory.CreateDirectory(output);

// 1. The input: a CSV of image paths (relative to the photo folder) and labels.
string listPath = Path.Combine(output, "images.csv");
File.WriteAllLines(listPath, ["ImagePath,Label", .. available.Select(p => $"{p.File},{p.Label}")]);

// 2. Load the list; the pipeline decodes each image lazily, squares it (crop the centre), upscales it ×2 with the
//    bundled SRResNet, extracts pixels (0–255), and, for the grid, makes a grayscale copy and converts the pixel
//    vector back into an image. Every stage but SuperResolve is stock ML.NET.
var mlContext = new MLContext(seed: 1);
var data = mlContext.Data.LoadFromTextFile<ImageRow>(listPath, separatorChar: ',', hasHeader: true);
var pipeline = mlContext.Transforms.LoadImages("Image", PhotoFolder, nameof(ImageRow.ImagePath))
    .Append(mlContext.Transforms.ResizeImages("Image", Side, Side, resizing: ImageResizingEstimator.ResizingKind.IsoCrop))
    .Append(mlContext.Transforms.SuperResolve("Upscaled", "Image", scale: 2))
    .Append(mlContext.Transforms.ExtractPixels("Pixels", "Image"))
    .Append(mlContext.Transforms.ConvertToGrayscale("Gray", "Image"))
    .Append(mlContext.Transforms.ConvertToImage(Side, Side, "Restored", "Pixels"));
using var model = pipeline.Fit(data);
var transformed = model.Transform(data);

// 3. The pixel vectors as CSV (label, then 3 × 64 × 64 values, planar).
string pixelsPath = Path.Combine(output, "pixels.csv");
var pixels = mlContext.Transforms.SelectColumns("Label", "Pixels").Fit(transformed).Transform(transformed);
using (var stream = File.Create(pixelsPath))
    mlContext.Data.SaveAsText(pixels, stream, separatorChar: ',', schema: false);

// 4. The upscaled photos as PNG files, and a grid: one row per photo (resized, ×2 upscaled, grayscale, restored from
//    the pixel vector), labelled. Images are valid while their cursor is on their row, so copy them to keep them.
var withNames = mlContext.Transforms.CustomMapping((ImageRow row, UpscaledName name) => name.FileName = Path.ChangeExtension(row.ImagePath, ".png"), contractName: null)
    .Fit(transformed).Transform(transformed);
long written = mlContext.Data.SaveImages(withNames, "Upscaled", Path.Combine(output, "upscaled"), nameof(UpscaledName.FileName), overwrite: true);
var labels = transformed.GetColumn<ReadOnlyMemory<char>>("Label").Select(l => l.ToString()).ToList();
var cells = new List<Image>();
foreach (string column in (string[])["Image", "Upscaled", "Gray", "Restored"])
    cells.AddRange(transformed.GetColumn<MLImage>(column).Select(image => image.ToImage().Resize(2 * Side, 2 * Side)));
int rows = labels.Count;
var ordered = Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, 4).Select(c => cells[c * rows + r])).ToList();
string gridPath = Path.Combine(output, "samples.png");
SampleGrid.Compose(ordered, columns: 4, padding: 2, background: ImageColor.White, rowLabels: labels).Save(gridPath);

// 5. The fitted pipeline with SuperResolve's network, in one file that LoadWithNetworks reads back.
string modelPath = Path.Combine(output, "model.zip");
mlContext.Model.SaveWithNetworks(model, data.Schema, modelPath);

Console.WriteLine($"Read {available.Length} photos from {PhotoFolder}; upscaled {written} into {Path.Combine(output, "upscaled")}.");
foreach (string path in (string[])[listPath, pixelsPath, gridPath, modelPath])
    Console.WriteLine($"Wrote {path} ({new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
return 0;

/// <summary>The file name an upscaled photo is saved under.</summary>
public sealed class UpscaledName
{
    public string FileName { get; set; } = "";
}
