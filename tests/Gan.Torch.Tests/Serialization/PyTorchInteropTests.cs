using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Gan.Torch.Serialization;

namespace Gan.Torch.Tests.Serialization;

/// <summary>
/// Safetensors files in both directions between PyTorch and Gan.Torch. Fixtures/interop holds the scripts and the
/// files they made: make_pytorch_fixture.py wrote from_pytorch.*; <see cref="GanTorchFixture"/> wrote
/// from_gan_torch.safetensors and check_gan_torch_file.py verifies such a file in PyTorch.
/// </summary>
[TestClass]
public sealed class PyTorchInteropTests
{
    private const string Python = "/usr/bin/python3";
    private const string RegenerateVariable = "GAN_REGENERATE_FIXTURES";

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "interop", name);

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
            Assert.AreEqual(entry.Value.GetProperty("dtype").GetString(), SafeTensorsDType.Name(tensor.DType), entry.Name);
            CollectionAssert.AreEqual(entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
                                      tensor.Shape, entry.Name);
            var values = entry.Value.GetProperty("values").EnumerateArray().ToArray();
            CollectionAssert.AreEqual(values.Select(v => Expected(v, tensor.DType)).ToArray(), Actual(tensor), entry.Name);
            using var asDouble = tensor.To(DType.Float64);
            using var sum = asDouble.Sum();
            Assert.AreEqual(entry.Value.GetProperty("sum").GetDouble(), sum.Item<double>(), 1e-9, entry.Name);
        }
        var metadata = expected.RootElement.GetProperty("metadata").EnumerateObject()
                               .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        CollectionAssert.AreEquivalent(metadata.ToArray(), file.Metadata.ToArray());
    }

    [TestMethod]
    public void RewritingThePyTorchFileReproducesItByteForByte()
    {
        byte[] original = File.ReadAllBytes(Fixture("from_pytorch.safetensors"));
        using var file = SafeTensors.Load(new MemoryStream(original));
        CollectionAssert.AreEqual(original, SafeTensorsRoundTripTests.Save(file.Tensors, file.Metadata));
    }

    /// <summary>
    /// The checked-in from_gan_torch.safetensors is what the writer produces today. To regenerate it:
    /// <c>GAN_REGENERATE_FIXTURES=1 dotnet test tests/Gan.Torch.Tests -c Release --filter Name~CheckedInGanTorchFileIsCurrent</c>.
    /// </summary>
    [TestMethod]
    public void CheckedInGanTorchFileIsCurrent()
    {
        byte[] fresh = GanTorchFixture.Bytes();
        string checkedIn = Fixture("from_gan_torch.safetensors");
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            checkedIn = Path.Combine(SourceFixtures(), "interop", "from_gan_torch.safetensors");
            File.WriteAllBytes(checkedIn, fresh);
        }
        CollectionAssert.AreEqual(File.ReadAllBytes(checkedIn), fresh,
            $"the writer's output changed; regenerate the fixture with {RegenerateVariable}=1 and check it in");
    }

    [TestMethod]
    public void PyTorchReadsAFreshGanTorchFile()
    {
        RequirePythonWithTorch();
        string path = Path.Combine(Path.GetTempPath(), $"from_gan_torch-{Guid.NewGuid():N}.safetensors");
        try
        {
            using (var scope = Torch.NewDisposeScope())
                SafeTensors.Save(GanTorchFixture.Build(), path, GanTorchFixture.Metadata);
            var result = Run($"\"{Fixture("check_gan_torch_file.py")}\" \"{path}\"");
            Assert.AreEqual(0, result.ExitCode, result.Output);
            StringAssert.StartsWith(result.Output, "OK");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void PyTorchCheckerRejectsAFileWithOneWrongValue()
    {
        RequirePythonWithTorch();
        string path = Path.Combine(Path.GetTempPath(), $"wrong_gan_torch-{Guid.NewGuid():N}.safetensors");
        try
        {
            using (var scope = Torch.NewDisposeScope())
            {
                var tensors = GanTorchFixture.Build();
                tensors["values_i32"] = Torch.FromArray(new[] { int.MinValue, -7, 0, 8, int.MaxValue });
                SafeTensors.Save(tensors, path, GanTorchFixture.Metadata);
            }
            var result = Run($"\"{Fixture("check_gan_torch_file.py")}\" \"{path}\"");
            Assert.AreEqual(1, result.ExitCode, result.Output);
            StringAssert.Contains(result.Output, "MISMATCH values_i32");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void RequirePythonWithTorch()
    {
        if (!File.Exists(Python)) Assert.Inconclusive($"{Python} is not installed");
        if (Run("-c \"import torch\"").ExitCode != 0) Assert.Inconclusive($"{Python} has no torch module");
    }

    /// <summary>What check_gan_torch_file.py expects, built with Gan.Torch.</summary>
    private static class GanTorchFixture
    {
        public static readonly Dictionary<string, string> Metadata = new()
        {
            ["producer"] = "Gan.Torch",
            ["purpose"] = "PyTorch interop fixture",
        };

        /// <summary>The tensors, created in the caller's dispose scope.</summary>
        public static Dictionary<string, Tensor> Build()
        {
            using var generator = new Generator(42);
            return new Dictionary<string, Tensor>
            {
                ["randn_seed42_f32"] = Torch.Randn([2, 3], generator: generator),
                ["arange_f64"] = Torch.Arange(0.0, 1.0, 0.125, DType.Float64).View(2, 4),
                ["extremes_i64"] = Torch.FromArray(new[] { long.MinValue, -1L, 0L, 1L, long.MaxValue }),
                ["values_i32"] = Torch.FromArray(new[] { int.MinValue, -7, 0, 7, int.MaxValue }),
                ["ramp_u8"] = Torch.Arange(0L, 256L, 51L, DType.UInt8),
                ["mask_bool"] = Torch.Arange(6).Remainder(2).Eq(0).View(2, 3),
                ["scalar_f32"] = Torch.ScalarTensor(-2.5, DType.Float32),
                ["empty_i64"] = Torch.Zeros([3, 0], DType.Int64),
                ["transposed_f32"] = Torch.Arange(0.0, 6.0, 1.0, DType.Float32).View(2, 3).T,
            };
        }

        public static byte[] Bytes()
        {
            using var scope = Torch.NewDisposeScope();
            return SafeTensorsRoundTripTests.Save(Build(), Metadata);
        }
    }

    private static object Expected(JsonElement value, DType dtype) => dtype switch
    {
        DType.Float32 or DType.Float64 => value.GetDouble(),
        DType.Bool => value.GetBoolean(),
        _ => value.GetInt64(),
    };

    private static object[] Actual(Tensor tensor) => tensor.DType switch
    {
        DType.Float32 => tensor.ToArray<float>().Select(v => (object)(double)v).ToArray(),
        DType.Float64 => tensor.ToArray<double>().Select(v => (object)v).ToArray(),
        DType.Int64 => tensor.ToArray<long>().Select(v => (object)v).ToArray(),
        DType.Int32 => tensor.ToArray<int>().Select(v => (object)(long)v).ToArray(),
        DType.UInt8 => tensor.ToArray<byte>().Select(v => (object)(long)v).ToArray(),
        DType.Bool => tensor.ToArray<bool>().Select(v => (object)v).ToArray(),
        _ => throw new AssertFailedException($"unexpected dtype {tensor.DType}"),
    };

    private static (int ExitCode, string Output) Run(string arguments)
    {
        var start = new ProcessStartInfo(Python, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            Assert.Fail($"{Python} {arguments} did not finish within 2 minutes");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string SourceFixtures([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile)!)!, "Fixtures");
}
