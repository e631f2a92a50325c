using System.Buffers.Binary;
using System.Text;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>Hand-made broken files: every one must give a <see cref="SafeTensorsFormatException"/>, never a crash.</summary>
[TestClass]
public sealed class SafeTensorsMalformedTests
{
    private const string ValidHeader = """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""";

    [TestMethod]
    public void WellFormedHandMadeFileLoads()
    {
        var bytes = File(ValidHeader, BitConverter.GetBytes(1.5f).Concat(BitConverter.GetBytes(-2f)).ToArray());
        using var file = SafeTensors.Load(new MemoryStream(bytes));
        CollectionAssert.AreEqual(new[] { 1.5f, -2f }, file["a"].CopyToArray<float>());
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(7)]
    public void FileShorterThanEightBytes(int length) =>
        AssertRejected(new byte[length], "too short");

    [TestMethod]
    public void HeaderLengthBeyondTheFile() =>
        AssertRejected(File(ValidHeader, new byte[8], declaredHeaderLength: 1000), "exceeds");

    [TestMethod]
    public void AbsurdHeaderLengthIsRejectedWithoutAllocating()
    {
        AssertRejected(File(ValidHeader, new byte[8], declaredHeaderLength: ulong.MaxValue), "limit");
        AssertRejected(File(ValidHeader, new byte[8], declaredHeaderLength: 100_000_001), "limit");
    }

    [TestMethod]
    [DataRow("{not json", "not valid JSON")]
    [DataRow("[1, 2]", "not a JSON object")]
    [DataRow("", "not a JSON object")]
    [DataRow("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}""", "not valid JSON")]
    [DataRow("""{"a":{"dtype":"F16","shape":[2],"data_offsets":[0,8]}}""", "unsupported dtype \"F16\"")]
    [DataRow("""{"a":{"dtype":7,"shape":[2],"data_offsets":[0,8]}}""", "no dtype")]
    [DataRow("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", "needs 12 bytes")]
    [DataRow("""{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}""", "non-negative")]
    [DataRow("""{"a":{"dtype":"F32","shape":[2.5],"data_offsets":[0,8]}}""", "non-negative")]
    [DataRow("""{"a":{"dtype":"F32","shape":[4611686018427387904, 4],"data_offsets":[0,8]}}""", "too large")]
    [DataRow("""{"a":{"dtype":"F32","data_offsets":[0,8]}}""", "no shape")]
    [DataRow("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0]}}""", "exactly")]
    [DataRow("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}""", "end before")]
    [DataRow("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}""", "starts at byte 8")]
    [DataRow("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", "overlaps")]
    [DataRow("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", "data section holds 8 bytes")]
    [DataRow("""{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}""", "beyond the 8-byte data section")]
    [DataRow("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"a":{"dtype":"F32","shape":[0],"data_offsets":[8,8]}}""", "twice")]
    [DataRow("""{"__metadata__":{"k":1},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", "not a string")]
    [DataRow("""{"__metadata__":{"k":"1","k":"2"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", "appears twice")]
    [DataRow("""{"__metadata__":[],"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", "not an object")]
    [DataRow("""{"a":[]}""", "not an object")]
    [DataRow("""{"a":{"dtype":"BOOL","shape":[8],"data_offsets":[0,8]}}""", "not 0 or 1")]
    public void MalformedHeader(string header, string expectedMessage) =>
        AssertRejected(File(header, [0, 0, 0, 0, 0, 0, 0, 2]), expectedMessage);

    [TestMethod]
    public void TruncatedFileIsRejectedAtEveryLength()
    {
        byte[] bytes;
        using (var t = arange(0.0, 10.0, 1.0, ScalarType.Float64))
            bytes = SafeTensorsRoundTripTests.Save(new Dictionary<string, Tensor> { ["x"] = t, ["y"] = t }, null);
        for (int length = 0; length < bytes.Length; length++)
            Assert.ThrowsExactly<SafeTensorsFormatException>(() => SafeTensors.Load(new MemoryStream(bytes, 0, length)).Dispose(),
                $"length {length}");
    }

    [TestMethod]
    [DataRow("{oops", 8, "not valid JSON")]
    [DataRow(ValidHeader, 4, "beyond the 4-byte data section")]
    public void MessageNamesTheFile(string header, int dataLength, string expectedMessage)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("broken.safetensors");
        System.IO.File.WriteAllBytes(path, File(header, new byte[dataLength]));
        var e = Assert.ThrowsExactly<SafeTensorsFormatException>(() => SafeTensors.Load(path));
        Assert.AreEqual(path, e.FilePath);
        StringAssert.StartsWith(e.Message, path);
        StringAssert.Contains(e.Message, expectedMessage);
    }

    [TestMethod]
    public void NonSeekableStreamIsValidatedToo()
    {
        var bytes = File(ValidHeader, new byte[4]);
        Assert.ThrowsExactly<SafeTensorsFormatException>(() => SafeTensors.Load(new ForwardOnlyStream(bytes)));
    }

    [TestMethod]
    public void DataThatEndsBeforeTheLengthTheStreamClaimedIsAFormatError()
    {
        // As when the file shrinks while it is read: the header agrees with the claimed length, the data is not there.
        var bytes = File(ValidHeader, new byte[4]);
        var e = Assert.ThrowsExactly<SafeTensorsFormatException>(() => SafeTensors.Load(new OverstatedLengthStream(bytes, 4)));
        StringAssert.Contains(e.Message, "ended early");
        Assert.IsInstanceOfType<EndOfStreamException>(e.InnerException);
    }

    private static void AssertRejected(byte[] bytes, string expectedMessage)
    {
        var e = Assert.ThrowsExactly<SafeTensorsFormatException>(() => SafeTensors.Load(new MemoryStream(bytes)).Dispose());
        StringAssert.Contains(e.Message, expectedMessage);
        Assert.IsNull(e.FilePath);
    }

    /// <summary>A safetensors file from its parts (readers accept an unpadded header).</summary>
    private static byte[] File(string header, byte[] data, ulong? declaredHeaderLength = null)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declaredHeaderLength ?? (ulong)json.Length);
        json.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + json.Length);
        return bytes;
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private sealed class OverstatedLengthStream(byte[] bytes, int extra) : MemoryStream(bytes)
    {
        public override long Length => base.Length + extra;
    }
}
