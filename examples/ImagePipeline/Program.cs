using System.Globalization;
using Gan.Imaging;
using Gan.Imaging.Composition;
using Gan.MLNet;
using Gan.MLNet.Transforms;
using ImagePipeline;

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

// 2. Load the list; the pipeline decodes each image lazily, squares it (crop the centre), extracts pixels in [0, 1],
//    and, for the grid, makes a grayscale copy and converts the pixel vector back into an image.
var context = new MLContext(seed: 1);
var data = context.Data.LoadFromTextFile<ImageRow>(listPath, separatorChar: ',', hasHeader: true);
var model = context.Transforms.LoadImages("Image", PhotoFolder, nameof(ImageRow.ImagePath))
    .Append(context.Transforms.ResizeImages("Image", Side, Side, resizing: ResizingKind.IsoCrop))
    .Append(context.Transforms.ExtractPixels("Pixels", "Image", scaleImage: 1f / 255))
    .Append(context.Transforms.ConvertToGrayscale("Gray", "Image"))
    .Append(context.Transforms.ConvertToImage(Side, Side, "Restored", "Pixels", scaleImage: 1f / 255))
    .Fit(data);
var transformed = model.Transform(data);

// 3. The pixel vectors as CSV (label, then 3 × 64 × 64 values, planar RGB).
string pixelsPath = Path.Combine(output, "pixels.csv");
var pixels = context.Transforms.SelectColumns("Label", "Pixels").Fit(transformed).Transform(transformed);
context.Data.SaveAsText(pixels, pixelsPath, separatorChar: ',');

// 4. A grid: one row per photo (resized, grayscale, restored from the pixel vector), labelled.
var labels = transformed.GetColumn<ReadOnlyMemory<char>>("Label").Select(l => l.ToString()).ToList();
var cells = transformed.GetColumn<Image?>("Image").Zip(transformed.GetColumn<Image?>("Gray"), transformed.GetColumn<Image?>("Restored"))
    .SelectMany(row => new[] { row.First!, row.Second!, row.Third! })
    .ToList();
string gridPath = Path.Combine(output, "samples.png");
SampleGrid.Compose(cells, columns: 3, padding: 2, background: ImageColor.White, rowLabels: labels).Save(gridPath);

// 5. The fitted pipeline, reusable with mlContext.Model.Load.
string modelPath = Path.Combine(output, "model.zip");
context.Model.Save(model, data.Schema, modelPath);

Console.WriteLine($"Read {available.Length} photos from {PhotoFolder}.");
foreach (string path in (string[])[listPath, pixelsPath, gridPath, modelPath])
    Console.WriteLine($"Wrote {path} ({new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
return 0;
