using System.Text.Json;
using Gan.Torch.NN;
using Gan.Torch.Optim;

namespace Gan.Torch.Tests.Optim;

/// <summary>
/// Replays Fixtures/make_optim_fixture.py: the same start, the same gradients (p·p − 0.5), the same hyperparameters,
/// and compares every parameter after every step with torch.optim's.
/// </summary>
[TestClass]
public sealed class OptimizerFixtureTests
{
    private static readonly JsonDocument Fixture =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "optim_fixture.json")));

    [TestMethod]
    [DataRow("adam")]
    [DataRow("adam_weight_decay")]
    [DataRow("sgd")]
    [DataRow("sgd_momentum")]
    [DataRow("sgd_nesterov")]
    public void MatchesPyTorchStepByStep(string caseName)
    {
        var root = Fixture.RootElement;
        var testCase = root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == caseName);
        var parameters = MakeParameters(root.GetProperty("initial"));
        try
        {
            using var optimizer = Create(testCase, parameters);
            int step = 0;
            foreach (var expectedStep in testCase.GetProperty("steps").EnumerateArray())
            {
                SetGradients(parameters);
                optimizer.Step();
                step++;
                int i = 0;
                foreach (var expected in expectedStep.EnumerateArray())
                {
                    var actual = parameters[i].ToArray<double>();
                    var values = expected.EnumerateArray().Select(v => v.GetDouble()).ToArray();
                    Assert.HasCount(values.Length, actual);
                    for (int k = 0; k < values.Length; k++)
                        Assert.AreEqual(values[k], actual[k], 1e-12, $"{caseName}, step {step}, parameter {i}[{k}]");
                    i++;
                }
            }
            Assert.AreEqual(5, step);
            Assert.AreEqual(5L, optimizer.StepCount);
        }
        finally
        {
            foreach (var p in parameters) p.Dispose();
        }
    }

    /// <summary>The gradient the fixture uses: p·p − 0.5 from the current values.</summary>
    internal static void SetGradients(IEnumerable<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            using var d = p.Detach();
            using var square = d * d;
            using var grad = square - 0.5;
            p.Grad = grad;
        }
    }

    private static Parameter[] MakeParameters(JsonElement initial)
    {
        var first = initial[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var second = initial[1].EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(v => v.GetDouble()).ToArray();
        using var a = Torch.FromArray(first);
        using var b = Torch.FromArray(second, 2, 2);
        return [new Parameter(a), new Parameter(b)];
    }

    private static Optimizer Create(JsonElement c, Parameter[] parameters)
    {
        double Get(string name) => c.GetProperty(name).GetDouble();
        return c.GetProperty("optimizer").GetString() == "adam"
            ? new Adam(parameters, Get("lr"), Get("beta1"), Get("beta2"), Get("eps"), Get("weight_decay"))
            : new Sgd(parameters, Get("lr"), Get("momentum"), Get("dampening"), Get("weight_decay"),
                      c.GetProperty("nesterov").GetBoolean());
    }
}
