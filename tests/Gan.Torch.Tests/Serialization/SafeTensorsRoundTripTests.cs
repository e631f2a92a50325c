using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Gan.Torch.Serialization;

namespace Gan.Torch.Tests.Serialization;

[TestClass]
public sealed class SafeTensorsRoundTripTests
{
    private static readonly float[] Floats = [1.5f, -0f, float.NaN, float.PositiveInfinity, float.Epsilon, float.MaxValue];
    private static readonly double[] Doubles = [Math.PI, -0.0, double.NegativeInfinity, double.Epsilon, -1e300, 0.1];

    /// <summary>One tensor of every dtype, plus a 0-d and two empty tensors.</summary>
    private static Dictionary<string, Tensor> EveryDType() => new()
    {
        ["f32"] = Torch.FromArray(Floats, 2, 3),
        ["f64"] = Torch.FromArray(Doubles, 3, 1, 2),
        ["i64"] = Torch.FromArray(new[] { long.MinValue, -1L, 0L, long.MaxValue }),
        ["i32"] = Torch.FromArray(new[] { int.MinValue, 7, int.MaxValue, 0 }, 2, 2),
        ["u8"] = Torch.FromArray(new byte[] { 0, 1, 128, 255 }),
        ["bool"] = Torch.FromArray(new[] { true, false, false, true, true }),
        ["scalar"] = Torch.ScalarTensor(2.75, DType.Float64),
        ["empty"] = Torch.Zeros([0, 3], DType.Float32),
        ["empty_bool"] = Torch.Zeros([2, 0], DType.Bool),
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
        using var scope = Torch.NewDisposeScope();
        var tensors = EveryDType();
        using var stream = new MemoryStream();
        SafeTensors.Save(tensors, stream, Metadata);
        stream.Position = 0;
        using var file = SafeTensors.Load(stream);

        CollectionAssert.AreEquivalent(tensors.Keys.ToArray(), file.Tensors.Keys.ToArray());
        foreach (var (name, expected) in tensors) AssertBitEqual(expected, file[name], name);
        CollectionAssert.AreEquivalent(Metadata.ToArray(), file.Metadata.ToArray());
    }

    [TestMethod]
    public void SavingToAPathIsAtomicAndOverwrites()
    {
        using var scope = Torch.NewDisposeScope();
        string directory = Directory.CreateTempSubdirectory("safetensors-").FullName;
        try
        {
            string path = Path.Combine(directory, "model.safetensors");
            File.WriteAllText(path, "an older file");
            var tensors = EveryDType();
            SafeTensors.Save(tensors, path, Metadata);
            CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(directory), "no temporary file is left behind");
            using var file = SafeTensors.Load(path);
            foreach (var (name, expected) in tensors) AssertBitEqual(expected, file[name], name);
            Assert.AreEqual("pt", file.Metadata["format"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void LayoutFollowsTheReferenceWriter()
    {
        using var scope = Torch.NewDisposeScope();
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
        using var scope = Torch.NewDisposeScope();
        var tensors = EveryDType();
        var reversed = tensors.Reverse().ToDictionary();
        var reversedMetadata = Metadata.Reverse().ToDictionary();
        CollectionAssert.AreEqual(Save(tensors, Metadata), Save(reversed, reversedMetadata));
    }

    [TestMethod]
    public void LoadingAndSavingAgainReproducesTheBytes()
    {
        using var scope = Torch.NewDisposeScope();
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
        using var scope = Torch.NewDisposeScope();
        var transposed = Torch.Arange(6).View(2, 3).T;
        Assert.IsFalse(transposed.IsContiguous);
        using var stream = new MemoryStream(Save(new Dictionary<string, Tensor> { ["t"] = transposed }, null));
        using var file = SafeTensors.Load(stream);
        CollectionAssert.AreEqual(new[] { 3L, 2L }, file["t"].Shape);
        CollectionAssert.AreEqual(new[] { 0L, 3L, 1L, 4L, 2L, 5L }, file["t"].ToArray<long>());
        Assert.IsEmpty(file.Metadata);
    }

    [TestMethod]
    public void LoadedTensorsBelongToTheFileNotToTheScope()
    {
        SafeTensorsFile file;
        using (var scope = Torch.NewDisposeScope())
        {
            using var stream = new MemoryStream(Save(new Dictionary<string, Tensor> { ["x"] = Torch.Ones(2) }, null));
            file = SafeTensors.Load(stream);
        }
        using (file) CollectionAssert.AreEqual(new[] { 1f, 1f }, file["x"].ToArray<float>());
        Assert.IsTrue(file["x"].IsDisposed);
        Assert.ThrowsExactly<KeyNotFoundException>(() => file["y"]);
    }

    [TestMethod]
    public void ReservedNameIsRejected()
    {
        using var t = Torch.Ones(1);
        Assert.ThrowsExactly<ArgumentException>(() => Save(new Dictionary<string, Tensor> { ["__metadata__"] = t }, null));
    }

    internal static byte[] Save(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var stream = new MemoryStream();
        SafeTensors.Save(tensors, stream, metadata);
        return stream.ToArray();
    }

    private static void AssertBitEqual(Tensor expected, Tensor actual, string name)
    {
        Assert.AreEqual(expected.DType, actual.DType, name);
        CollectionAssert.AreEqual(expected.Shape, actual.Shape, name);
        CollectionAssert.AreEqual(RawBytes(expected), RawBytes(actual), name);
    }

    private static byte[] RawBytes(Tensor t) => t.DType switch
    {
        DType.Float32 => t.ToArray<float>().SelectMany(BitConverter.GetBytes).ToArray(),
        DType.Float64 => t.ToArray<double>().SelectMany(BitConverter.GetBytes).ToArray(),
        DType.Int64 => t.ToArray<long>().SelectMany(BitConverter.GetBytes).ToArray(),
        DType.Int32 => t.ToArray<int>().SelectMany(BitConverter.GetBytes).ToArray(),
        DType.UInt8 => t.ToArray<byte>(),
        DType.Bool => t.ToArray<bool>().Select(b => b ? (byte)1 : (byte)0).ToArray(),
        _ => throw new AssertFailedException($"unexpected dtype {t.DType}"),
    };
}
