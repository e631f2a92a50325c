using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

[TestClass]
public sealed class SafeTensorsRoundTripTests
{
    private static readonly float[] Floats = [1.5f, -0f, float.NaN, float.PositiveInfinity, float.Epsilon, float.MaxValue];
    private static readonly double[] Doubles = [Math.PI, -0.0, double.NegativeInfinity, double.Epsilon, -1e300, 0.1];

    /// <summary>One tensor of every dtype, plus a 0-d and two empty tensors, in the caller's dispose scope.</summary>
    private static Dictionary<string, Tensor> EveryDType() => new()
    {
        ["f32"] = TensorData.FromSpan<float>(Floats, 2, 3),
        ["f64"] = TensorData.FromSpan<double>(Doubles, 3, 1, 2),
        ["i64"] = TensorData.FromSpan<long>([long.MinValue, -1L, 0L, long.MaxValue], 4),
        ["i32"] = TensorData.FromSpan<int>([int.MinValue, 7, int.MaxValue, 0], 2, 2),
        ["u8"] = TensorData.FromSpan<byte>([0, 1, 128, 255], 4),
        ["bool"] = TensorData.FromSpan<bool>([true, false, false, true, true], 5),
        ["scalar"] = tensor(2.75, ScalarType.Float64),
        ["empty"] = zeros([0, 3], ScalarType.Float32),
        ["empty_bool"] = zeros([2, 0], ScalarType.Bool),
    };

    private static readonly Dictionary<string, string> Metadata = new()
    {
        ["format"] = "pt",
        ["note"] = "ünïcode ✓ \"quoted\" \\ <tag>",
        ["empty"] = "",
    };

    [TestMethod]
    public void EveryDTypeRoundTripsBitExactThroughAStream()
    {
        using var scope = NewDisposeScope();
        var tensors = EveryDType();
        using var stream = new MemoryStream();
        SafeTensors.Save(tensors, stream, Metadata);
        stream.Position = 0;
        using var file = SafeTensors.Load(stream);

        CollectionAssert.AreEquivalent(tensors.Keys.ToArray(), file.Tensors.Keys.ToArray());
        foreach (var (name, expected) in tensors) TensorAssert.AreIdentical(expected, file[name], name);
        CollectionAssert.AreEquivalent(Metadata.ToArray(), file.Metadata.ToArray());
    }

    [TestMethod]
    public void LoadedTensorsKeepTheHeadersOrder()
    {
        using var scope = NewDisposeScope();
        byte[] bytes = Save(EveryDType(), null);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes)));
        using var file = SafeTensors.Load(new MemoryStream(bytes));
        CollectionAssert.AreEqual(header.RootElement.EnumerateObject().Select(p => p.Name).ToArray(), file.Tensors.Keys.ToArray());
    }

    [TestMethod]
    public void SavingToAPathOverwritesAndLeavesNoTemporaryFile()
    {
        using var scope = NewDisposeScope();
        using var folder = new TemporaryFolder();
        string path = folder.File("model.safetensors");
        File.WriteAllText(path, "an older file");
        var tensors = EveryDType();
        SafeTensors.Save(tensors, path, Metadata);
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(folder.Path));
        using var file = SafeTensors.Load(path);
        foreach (var (name, expected) in tensors) TensorAssert.AreIdentical(expected, file[name], name);
        Assert.AreEqual("pt", file.Metadata["format"]);
    }

    [TestMethod]
    public void AFailedSaveLeavesTheOldFileWholeAndNothingBeside()
    {
        using var scope = NewDisposeScope();
        using var folder = new TemporaryFolder();
        string path = folder.File("model.safetensors");
        File.WriteAllText(path, "an older file");
        // The header and the I64 tensor are written first; the F32 one, over 2 GiB (a broadcast view: no memory), then
        // fails mid-file.
        var tensors = new Dictionary<string, Tensor>
        {
            ["first"] = TensorData.FromSpan<long>([1L, 2L], 2),
            ["huge"] = zeros(1).expand(600_000_000),
        };
        Assert.ThrowsExactly<NotSupportedException>(() => SafeTensors.Save(tensors, path, Metadata));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(folder.Path), "the temporary file is gone");
        Assert.AreEqual("an older file", File.ReadAllText(path));
    }

    [TestMethod]
    public void SavingIntoAMissingFolderFailsWithoutCreatingIt()
    {
        using var scope = NewDisposeScope();
        using var folder = new TemporaryFolder();
        string missing = folder.File("missing");
        Assert.ThrowsExactly<DirectoryNotFoundException>(() => SafeTensors.Save(EveryDType(), Path.Combine(missing, "m.safetensors")));
        Assert.IsFalse(Directory.Exists(missing));
    }

    [TestMethod]
    public void LayoutFollowsTheReferenceWriter()
    {
        using var scope = NewDisposeScope();
        byte[] bytes = Save(EveryDType(), Metadata);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.AreEqual(0UL, headerLength % 8, "the header is padded to a multiple of 8 bytes");
        string header = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);
        Assert.IsTrue(header.TrimEnd(' ').EndsWith('}'), "the padding is spaces after the JSON object");

        using var json = JsonDocument.Parse(header);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        // Metadata first, then descending dtype alignment (I64, F64, F32, I32, U8, BOOL), then name.
        CollectionAssert.AreEqual(new[] { "__metadata__", "i64", "f64", "scalar", "empty", "f32", "i32", "u8", "bool", "empty_bool" }, names);
        long position = 0;
        foreach (var property in json.RootElement.EnumerateObject().Skip(1))
        {
            var offsets = property.Value.GetProperty("data_offsets");
            Assert.AreEqual(position, offsets[0].GetInt64(), property.Name);
            position = offsets[1].GetInt64();
        }
        Assert.AreEqual(bytes.Length - 8 - (long)headerLength, position);
    }

    [TestMethod]
    public void OutputIsDeterministicAndIndependentOfInsertionOrder()
    {
        using var scope = NewDisposeScope();
        var tensors = EveryDType();
        var reversed = tensors.Reverse().ToDictionary();
        var reversedMetadata = Metadata.Reverse().ToDictionary();
        CollectionAssert.AreEqual(Save(tensors, Metadata), Save(reversed, reversedMetadata));
    }

    [TestMethod]
    public void LoadingAndSavingAgainReproducesTheBytes()
    {
        using var scope = NewDisposeScope();
        foreach (var metadata in new[] { Metadata, null, new Dictionary<string, string>() })
        {
            byte[] first = Save(EveryDType(), metadata);
            using var file = SafeTensors.Load(new MemoryStream(first));
            CollectionAssert.AreEqual(first, Save(file.Tensors, file.Metadata));
        }
    }

    [TestMethod]
    public void NonContiguousTensorsAreWrittenRowMajor()
    {
        using var scope = NewDisposeScope();
        var transposed = arange(6).view(2, 3).t();
        Assert.IsFalse(transposed.is_contiguous());
        using var stream = new MemoryStream(Save(new Dictionary<string, Tensor> { ["t"] = transposed }, null));
        using var file = SafeTensors.Load(stream);
        CollectionAssert.AreEqual(new[] { 3L, 2L }, file["t"].shape);
        CollectionAssert.AreEqual(new[] { 0L, 3L, 1L, 4L, 2L, 5L }, file["t"].CopyToArray<long>());
        Assert.IsEmpty(file.Metadata);
    }

    [TestMethod]
    public void TensorsThatRequireGradAreSavedByValue()
    {
        using var scope = NewDisposeScope();
        var weight = TensorData.FromSpan<float>([0.5f, -1f], 2).requires_grad_();
        using var file = SafeTensors.Load(new MemoryStream(Save(new Dictionary<string, Tensor> { ["w"] = weight * 2 }, null)));
        CollectionAssert.AreEqual(new[] { 1f, -2f }, file["w"].CopyToArray<float>());
        Assert.IsFalse(file["w"].requires_grad);
    }

    [TestMethod]
    public void LoadedTensorsBelongToTheFileNotToTheScope()
    {
        SafeTensorsFile file;
        using (var scope = NewDisposeScope())
        {
            using var stream = new MemoryStream(Save(new Dictionary<string, Tensor> { ["x"] = ones(2) }, null));
            file = SafeTensors.Load(stream);
        }
        var x = file["x"];
        using (file) CollectionAssert.AreEqual(new[] { 1f, 1f }, x.CopyToArray<float>());
        Assert.IsTrue(x.IsInvalid, "disposing the file disposes its tensors");
    }

    [TestMethod]
    public void AMissingNameIsAKeyNotFoundErrorListingTheNamesThere()
    {
        using var scope = NewDisposeScope();
        using var file = SafeTensors.Load(new MemoryStream(Save(new Dictionary<string, Tensor> { ["x"] = ones(2) }, null)));
        var e = Assert.ThrowsExactly<KeyNotFoundException>(() => file["y"]);
        StringAssert.Contains(e.Message, "\"y\"");
        StringAssert.Contains(e.Message, "x");
    }

    [TestMethod]
    public void ReservedNameIsRejected()
    {
        using var t = ones(1);
        Assert.ThrowsExactly<ArgumentException>(() => Save(new Dictionary<string, Tensor> { ["__metadata__"] = t }, null));
    }

    [TestMethod]
    public void ADTypeWithoutASafeTensorsNameIsRejected()
    {
        using var t = ones([2], ScalarType.Float16);
        var e = Assert.ThrowsExactly<ArgumentException>(() => Save(new Dictionary<string, Tensor> { ["half"] = t }, null));
        StringAssert.Contains(e.Message, "tensor \"half\" holds Float16");
        StringAssert.Contains(e.Message, "F32");
    }

    internal static byte[] Save(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var stream = new MemoryStream();
        SafeTensors.Save(tensors, stream, metadata);
        return stream.ToArray();
    }
}
