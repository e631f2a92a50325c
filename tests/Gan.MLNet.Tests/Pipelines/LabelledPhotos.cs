using Gan.Imaging;

namespace Gan.MLNet.Tests.Pipelines;

/// <summary>
/// A small labelled image set on disk — dark, noisy "night" photos and bright "day" ones of 12×10 pixels — with a CSV
/// listing them, for pipelines that mix stock ML.NET stages with ours.
/// </summary>
internal static class LabelledPhotos
{
    public sealed class Row
    {
        [LoadColumn(0)] public string Path { get; set; } = "";
        [LoadColumn(1)] public string Label { get; set; } = "";
    }

    public sealed class Prediction
    {
        [ColumnName("PredictedLabel")] public string Label { get; set; } = "";
        public float[] Score { get; set; } = [];
    }

    /// <summary>Writes <paramref name="perClass"/> images of each class into <paramref name="folder"/> and returns the rows (file names relative to it).</summary>
    public static List<Row> Write(string folder, int perClass, int seed = 0)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var rows = new List<Row>();
        for (int i = 0; i < perClass; i++)
            foreach (var (label, level) in (ReadOnlySpan<(string, int)>)[("night", 40), ("day", 200)])
            {
                var pixels = new byte[12 * 10 * 3];
                for (int p = 0; p < pixels.Length; p++) pixels[p] = (byte)Math.Clamp(level + random.Next(-30, 31), 0, 255);
                string name = $"{label}-{seed}-{i:D2}.png";
                File.WriteAllBytes(System.IO.Path.Combine(folder, name), Image.FromPixels(12, 10, PixelFormat.Rgb24, pixels).Encode(ImageFormat.Png));
                rows.Add(new Row { Path = name, Label = label });
            }
        return rows;
    }

    /// <summary>Writes the rows as a CSV with a header and returns its path.</summary>
    public static string WriteCsv(string path, IEnumerable<Row> rows)
    {
        File.WriteAllLines(path, ["Path,Label", .. rows.Select(r => $"{r.Path},{r.Label}")]);
        return path;
    }
}
