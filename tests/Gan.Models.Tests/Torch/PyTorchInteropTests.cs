using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// Safetensors files in both directions between PyTorch and Gan.Models. Fixtures/make_pytorch_fixtures.py wrote the
/// PyTorch side (from_pytorch.*, network_*); <see cref="GanModelsFixture"/> wrote from_gan_models.safetensors, and
/// check_gan_models_file.py verifies such a file in PyTorch.
/// </summary>
[TestClass]
public sealed class PyTorchInteropTests
{
    private const string Python = "/usr/bin/python3";
    private const string RegenerateVariable = "GAN_REGENERATE_FIXTURES";

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Torch", "Fixtures", name);

    [TestMethod]
    public void LoadsEveryTensorPyTorchWrote()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("from_pytorch.json")));
        using var file = SafeTensors.Load(Fixture("from_pytorch.safetensors"));

        var expectedTensors = expected.RootElement.GetProperty("tensors");
        CollectionAssert.AreEquivalent(expectedTensors.EnumerateObject().Select(p => p.Name).ToArray(), file.Tensors.Keys.ToArray());
        foreach (var entry in expectedTensors.EnumerateObject())
        {
            var tensor = file[entry.Name];
            Assert.AreEqual(entry.Value.GetProperty("dtype").GetString(), SafeTensorsDType.Name(tensor.dtype), entry.Name);
            CollectionAssert.AreEqual(entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
                                      tensor.shape, entry.Name);
            var values = entry.Value.GetProperty("values").EnumerateArray().ToArray();
            CollectionAssert.AreEqual(values.Select(v => Expected(v, tensor.dtype)).ToArray(), Actual(tensor), entry.Name);
            using var sum = tensor.to(ScalarType.Float64).sum();
            Assert.AreEqual(entry.Value.GetProperty("sum").GetDouble(), sum.item<double>(), 1e-9, entry.Name);
        }
        var metadata = expected.RootElement.GetProperty("metadata").EnumerateObject()
                               .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        CollectionAssert.AreEquivalent(metadata.ToArray(), file.Metadata.ToArray());
    }

    [TestMethod]
    public void RewritingThePyTorchFileReproducesItByteForByte()
    {
        foreach (string name in new[] { "from_pytorch.safetensors", "network_trained.safetensors", "network_io.safetensors" })
        {
            byte[] original = File.ReadAllBytes(Fixture(name));
            using var file = SafeTensors.Load(new MemoryStream(original));
            CollectionAssert.AreEqual(original, SafeTensorsRoundTripTests.Save(file.Tensors, file.Metadata), name);
        }
    }

    [TestMethod]
    public void ANetworkPyTorchTrainedLoadsAndComputesWhatPyTorchComputed()
    {
        using var network = new MirrorNetwork();
        var result = network.LoadSafeTensors(Fixture("network_trained.safetensors"));
        Assert.IsEmpty(result.MissingKeys);
        network.eval();
        using var io = SafeTensors.Load(Fixture("network_io.safetensors"));
        using var output = network.call(io["x"], io["labels"]);
        var expected = io["output"];
        Assert.IsTrue(output.allclose(expected, rtol: 1e-5, atol: 1e-6),
            $"PyTorch: {string.Join(", ", expected.CopyToArray<float>())}; here: {string.Join(", ", output.CopyToArray<float>())}");
    }

    /// <summary>
    /// The checked-in from_gan_models.safetensors is what the writer produces today. To regenerate it:
    /// <c>GAN_REGENERATE_FIXTURES=1 dotnet test tests/Gan.Models.Tests -c Release --filter Name~CheckedInGanModelsFileIsCurrent</c>.
    /// </summary>
    [TestMethod]
    public void CheckedInGanModelsFileIsCurrent()
    {
        byte[] fresh = GanModelsFixture.Bytes();
        string checkedIn = Fixture("from_gan_models.safetensors");
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            checkedIn = Path.Combine(SourceFixtures(), "from_gan_models.safetensors");
            File.WriteAllBytes(checkedIn, fresh);
        }
        CollectionAssert.AreEqual(File.ReadAllBytes(checkedIn), fresh,
            $"the writer's output changed; regenerate the fixture with {RegenerateVariable}=1 and check it in");
    }

    [TestMethod]
    public void PyTorchReadsAFreshGanModelsFile()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("from_gan_models.safetensors");
        using (var scope = NewDisposeScope())
            SafeTensors.Save(GanModelsFixture.Build(), path, GanModelsFixture.Metadata);
        var result = CheckInPyTorch(path);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.StartsWith(result.Output, "OK");
    }

    [TestMethod]
    public void PyTorchCheckerRejectsAFileWithOneWrongValue()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("wrong_gan_models.safetensors");
        using (var scope = NewDisposeScope())
        {
            var tensors = GanModelsFixture.Build();
            tensors["values_i32"] = TensorData.FromSpan<int>([int.MinValue, -7, 0, 8, int.MaxValue], 5);
            SafeTensors.Save(tensors, path, GanModelsFixture.Metadata);
        }
        var result = CheckInPyTorch(path);
        Assert.AreEqual(1, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "MISMATCH values_i32");
    }

    // Runs check_gan_models_file.py on the file; inconclusive where Debian's python3-torch is not installed.
    private static (int ExitCode, string Output) CheckInPyTorch(string path)
    {
        if (!File.Exists(Python)) Assert.Inconclusive($"{Python} is not installed");
        var result = ChildProcess.RunToEnd(new ProcessStartInfo(Python, [Fixture("check_gan_models_file.py"), path]));
        if (result.Output.Contains("No module named 'torch'", StringComparison.Ordinal)) Assert.Inconclusive($"{Python} has no torch module");
        return result;
    }

    /// <summary>What check_gan_models_file.py expects, built here.</summary>
    private static class GanModelsFixture
    {
        public static readonly Dictionary<string, string> Metadata = new()
        {
            ["producer"] = "Gan.Models",
            ["purpose"] = "PyTorch interop fixture",
        };

        /// <summary>The tensors, created in the caller's dispose scope.</summary>
        public static Dictionary<string, Tensor> Build()
        {
            using var generator = new Generator(42);
            return new Dictionary<string, Tensor>
            {
                ["randn_seed42_f32"] = randn([2, 3], generator: generator),
                ["arange_f64"] = arange(0.0, 1.0, 0.125, ScalarType.Float64).view(2, 4),
                ["extremes_i64"] = TensorData.FromSpan<long>([long.MinValue, -1L, 0L, 1L, long.MaxValue], 5),
                ["values_i32"] = TensorData.FromSpan<int>([int.MinValue, -7, 0, 7, int.MaxValue], 5),
                ["ramp_u8"] = arange(0, 256, 51, ScalarType.Byte),
                ["mask_bool"] = arange(6).remainder(2).eq(0).view(2, 3),
                ["scalar_f32"] = tensor(-2.5f),
                ["empty_i64"] = zeros([3, 0], ScalarType.Int64),
                ["transposed_f32"] = arange(0.0, 6.0, 1.0, ScalarType.Float32).view(2, 3).t(),
            };
        }

        public static byte[] Bytes()
        {
            using var scope = NewDisposeScope();
            return SafeTensorsRoundTripTests.Save(Build(), Metadata);
        }
    }

    private static object Expected(JsonElement value, ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 or ScalarType.Float64 => value.GetDouble(),
        ScalarType.Bool => value.GetBoolean(),
        _ => value.GetInt64(),
    };

    private static object[] Actual(Tensor tensor) => tensor.dtype switch
    {
        ScalarType.Float32 => tensor.CopyToArray<float>().Select(v => (object)(double)v).ToArray(),
        ScalarType.Float64 => tensor.CopyToArray<double>().Select(v => (object)v).ToArray(),
        ScalarType.Int64 => tensor.CopyToArray<long>().Select(v => (object)v).ToArray(),
        ScalarType.Int32 => tensor.CopyToArray<int>().Select(v => (object)(long)v).ToArray(),
        ScalarType.Byte => tensor.CopyToArray<byte>().Select(v => (object)(long)v).ToArray(),
        ScalarType.Bool => tensor.CopyToArray<bool>().Select(v => (object)v).ToArray(),
        _ => throw new AssertFailedException($"unexpected dtype {tensor.dtype}"),
    };

    private static string SourceFixtures([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Fixtures");
}
