using System.Buffers.Binary;
using System.IO.Compression;
using Gan.Models.Datasets;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Datasets;

[TestClass]
public sealed class FashionMnistTests
{
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("gan-idx-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>Writes a gzipped idx file of unsigned bytes with the given dimensions and payload.</summary>
    private string WriteIdx(string name, int[] dims, byte[] data, uint magic = 0)
    {
        string path = Path.Combine(_folder, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, magic != 0 ? magic : 0x0800u | (uint)dims.Length);
        gzip.Write(word);
        foreach (int d in dims)
        {
            BinaryPrimitives.WriteUInt32BigEndian(word, (uint)d);
            gzip.Write(word);
        }
        gzip.Write(data);
        return path;
    }

    private void WriteSplit(int n, byte[]? labels = null)
    {
        var pixels = new byte[n * 2 * 3];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 51 % 256);
        WriteIdx("train-images-idx3-ubyte.gz", [n, 2, 3], pixels);
        labels ??= Enumerable.Range(0, n).Select(i => (byte)(i % 10)).ToArray();
        WriteIdx("train-labels-idx1-ubyte.gz", [labels.Length], labels);
    }

    [TestMethod]
    public void SyntheticSplitLoadsShapesLabelsAndScaledPixels()
    {
        WriteSplit(3);
        using var scope = NewDisposeScope();
        using var set = FashionMnist.Load(_folder, "train", PixelRange.MinusOneToOne);
        CollectionAssert.AreEqual(new long[] { 3, 1, 2, 3 }, set.Images.shape);
        CollectionAssert.AreEqual(new long[] { 0, 1, 2 }, set.Labels.CopyToArray<long>());
        var pixels = set.Images.CopyToArray<float>();
        for (int i = 0; i < pixels.Length; i++)
            Assert.AreEqual((i * 51 % 256) / 127.5f - 1f, pixels[i], 1e-6f);

        using var unit = FashionMnist.Load(_folder, "train", PixelRange.ZeroToOne);
        Assert.AreEqual(51 / 255f, unit.Images.CopyToArray<float>()[1], 1e-6f);
        Assert.AreEqual(PixelRange.ZeroToOne, unit.Range);
    }

    [TestMethod]
    public void BadMagicIsRefusedNamingTheFile()
    {
        string path = WriteIdx("bad.gz", [2], [1, 2], magic: 0x0000_0D01);
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => IdxFile.ReadBytes(path));
        Assert.AreEqual(path, e.FilePath);
        StringAssert.Contains(e.Message, "magic 0x00000D01");
    }

    [TestMethod]
    public void TruncatedDataIsRefused()
    {
        string path = WriteIdx("short.gz", [2, 3], [1, 2, 3, 4, 5]);
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => IdxFile.ReadBytes(path));
        StringAssert.Contains(e.Message, "truncated");
        StringAssert.Contains(e.Message, path);
    }

    [TestMethod]
    public void NotGzipIsRefused()
    {
        string path = Path.Combine(_folder, "plain.gz");
        File.WriteAllBytes(path, [0, 0, 8, 1, 0, 0, 0, 1, 7]);
        Assert.ThrowsExactly<DatasetFormatException>(() => IdxFile.ReadBytes(path));
    }

    [TestMethod]
    public void MismatchedCountsAreRefused()
    {
        WriteSplit(3, labels: [0, 1]);
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => FashionMnist.Load(_folder, "train"));
        StringAssert.Contains(e.Message, "2 labels but");
    }

    [TestMethod]
    public void LabelOutsideTheClassesIsRefused()
    {
        WriteSplit(3, labels: [0, 10, 1]);
        var e = Assert.ThrowsExactly<DatasetFormatException>(() => FashionMnist.Load(_folder, "train"));
        StringAssert.Contains(e.Message, "label 10 at index 1");
    }

    [TestMethod]
    public void SplitLoadsBothFilesAndRefusesAMissingTestSplit()
    {
        WriteSplit(3);
        var e = Assert.ThrowsExactly<FileNotFoundException>(() => FashionMnist.LoadSplit(_folder));
        StringAssert.Contains(e.Message, "t10k-images-idx3-ubyte.gz");
        foreach (var name in new[] { "images-idx3-ubyte.gz", "labels-idx1-ubyte.gz" })
            File.Copy(Path.Combine(_folder, $"train-{name}"), Path.Combine(_folder, $"t10k-{name}"));
        using var scope = NewDisposeScope();
        using var split = FashionMnist.LoadSplit(_folder);
        Assert.AreEqual(3L, split.Train.Count);
        Assert.AreEqual(3L, split.Test.Count);
        Assert.AreEqual("Fashion-MNIST train", split.TrainName);
        Assert.AreEqual("Fashion-MNIST t10k", split.TestName);
    }

    [TestMethod]
    public void MissingFileSaysHowToInstall()
    {
        var e = Assert.ThrowsExactly<FileNotFoundException>(() => FashionMnist.Load(_folder, "t10k"));
        StringAssert.Contains(e.Message, "dataset-fashion-mnist");
    }

    [TestMethod]
    public void RealFilesHaveTheDocumentedCountsAndRanges()
    {
        if (!File.Exists(Path.Combine(FashionMnist.DefaultFolder, "t10k-labels-idx1-ubyte.gz")))
            Assert.Inconclusive("Debian's dataset-fashion-mnist is not installed");
        foreach (var (split, count) in new[] { ("train", 60000L), ("t10k", 10000L) })
        {
            using var scope = NewDisposeScope();
            using var set = FashionMnist.Load(FashionMnist.DefaultFolder, split);
            CollectionAssert.AreEqual(new[] { count, 1, 28, 28 }, set.Images.shape);
            Assert.AreEqual(0L, set.Labels.min().item<long>());
            Assert.AreEqual(9L, set.Labels.max().item<long>());
            Assert.AreEqual(-1f, set.Images.min().item<float>());
            Assert.AreEqual(1f, set.Images.max().item<float>());
            var perClass = set.Labels.CopyToArray<long>().CountBy(l => l).OrderBy(p => p.Key).Select(p => (long)p.Value).ToArray();
            CollectionAssert.AreEqual(Enumerable.Repeat(count / 10, 10).ToArray(), perClass);
        }
    }
}
