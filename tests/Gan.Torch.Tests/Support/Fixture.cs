using System.Text.Json;
using Gan.Torch;

namespace Gan.Torch.Tests.Support;

/// <summary>
/// One tensor recorded by a fixture script: dtype name (PyTorch's spelling), shape and flattened values; a
/// <paramref name="Constant"/> input is data (e.g. a loss target) that gets no gradient.
/// </summary>
public sealed record FixtureTensor(string DType, long[] Shape, JsonElement[] Values, bool Constant = false)
{
    /// <summary>The recorded tensor, as a new Gan.Torch tensor of the same dtype and shape (0-dim included).</summary>
    public Tensor ToTensor() => DType switch
    {
        "float64" => Tensors.FromSpan<double>(Values.Select(v => v.GetDouble()).ToArray(), Shape),
        "float32" => Tensors.FromSpan<float>(Values.Select(v => v.GetSingle()).ToArray(), Shape),
        "int64" => Tensors.FromSpan<long>(Values.Select(v => v.GetInt64()).ToArray(), Shape),
        "int32" => Tensors.FromSpan<int>(Values.Select(v => v.GetInt32()).ToArray(), Shape),
        "uint8" => Tensors.FromSpan<byte>(Values.Select(v => v.GetByte()).ToArray(), Shape),
        "bool" => Tensors.FromSpan<bool>(Values.Select(v => v.GetBoolean()).ToArray(), Shape),
        _ => throw new NotSupportedException($"fixture dtype {DType}"),
    };

    /// <summary>
    /// Asserts dtype, shape and values. Floating values must agree within <paramref name="tolerance"/> (absolute
    /// and relative); float32 results get at least float32's own precision; integers and bools must be equal.
    /// </summary>
    public void AssertMatches(Tensor actual, string what, double tolerance = 1e-12)
    {
        Assert.AreEqual(ExpectedDType, actual.DType, $"{what}: dtype");
        CollectionAssert.AreEqual(Shape, actual.Shape, $"{what}: shape [{string.Join(", ", actual.Shape)}]");
        using var asDouble = actual.To(Gan.Torch.DType.Float64);
        var got = asDouble.ToArray<double>();
        double tol = actual.DType == Gan.Torch.DType.Float32 ? Math.Max(tolerance, 1e-6) : tolerance;
        for (int i = 0; i < got.Length; i++)
        {
            double expected = Values[i].ValueKind switch
            {
                JsonValueKind.True => 1,
                JsonValueKind.False => 0,
                _ => Values[i].GetDouble(),
            };
            if (Math.Abs(got[i] - expected) > tol * (1 + Math.Abs(expected)))
                Assert.Fail($"{what}: element {i} is {got[i]:R}, PyTorch gives {expected:R}");
        }
    }

    private DType ExpectedDType => DType switch
    {
        "float64" => Gan.Torch.DType.Float64,
        "float32" => Gan.Torch.DType.Float32,
        "int64" => Gan.Torch.DType.Int64,
        "int32" => Gan.Torch.DType.Int32,
        "uint8" => Gan.Torch.DType.UInt8,
        "bool" => Gan.Torch.DType.Bool,
        _ => throw new NotSupportedException($"fixture dtype {DType}"),
    };
}

/// <summary>A named case of a fixture file: inputs, the output, and optionally d(sum(output))/d(float64 input).</summary>
public sealed record FixtureCase(FixtureTensor[] Inputs, FixtureTensor Output, FixtureTensor[]? Grads);

/// <summary>Reads a JSON fixture written by a script in tests/Gan.Torch.Tests/Fixtures (copied next to the tests).</summary>
public static class Fixture
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    private sealed record File(string Torch, Dictionary<string, FixtureCase> Cases);

    /// <summary>The cases of Fixtures/<paramref name="fileName"/>, by name.</summary>
    public static IReadOnlyDictionary<string, FixtureCase> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        var file = JsonSerializer.Deserialize<File>(System.IO.File.ReadAllText(path), Options)
                   ?? throw new InvalidDataException($"{path} is empty");
        return file.Cases;
    }

    /// <summary>
    /// Runs <paramref name="op"/> on the case's inputs (float64 ones that are not constant require gradients) and checks the output and,
    /// when recorded, the gradients of sum(output).
    /// </summary>
    public static void Check(string name, FixtureCase fixture, Func<Tensor[], Tensor> op, double tolerance = 1e-12)
    {
        using var scope = Tensors.NewDisposeScope();
        var inputs = fixture.Inputs.Select(x =>
        {
            var t = x.ToTensor();
            return t.DType == DType.Float64 && !x.Constant ? t.RequiresGrad_() : t;
        }).ToArray();
        var output = op(inputs);
        fixture.Output.AssertMatches(output, name, tolerance);
        if (fixture.Grads is null) return;
        var differentiable = inputs.Where(x => x.RequiresGrad).ToArray();
        var grads = Autograd.Grad([output.Sum()], differentiable, allowUnused: true);
        Assert.AreEqual(fixture.Grads.Length, grads.Length, $"{name}: gradient count");
        for (int i = 0; i < grads.Length; i++)
            fixture.Grads[i].AssertMatches(grads[i] ?? Tensors.ZerosLike(differentiable[i]), $"{name}: gradient of input {i}", tolerance);
    }
}
