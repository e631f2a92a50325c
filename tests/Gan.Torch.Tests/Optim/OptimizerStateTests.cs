using Gan.Torch.NN;
using Gan.Torch.Optim;
using Gan.Torch.Serialization;
using Gan.Torch.Tests.Serialization;

namespace Gan.Torch.Tests.Optim;

[TestClass]
public sealed class OptimizerStateTests
{
    private const int Interrupted = 4;
    private const int Total = 10;

    [TestMethod]
    [DataRow("adam")]
    [DataRow("sgd")]
    public void ResumingFromASavedStateFileIsBitIdenticalToUninterruptedRun(string kind)
    {
        float[][] uninterrupted;
        using (var run = new Run(kind, Initial()))
        {
            run.Steps(Total);
            uninterrupted = run.Values();
        }

        float[][] resumed;
        byte[] checkpoint;
        using (var first = new Run(kind, Initial()))
        {
            first.Steps(Interrupted);
            using var state = first.Optimizer.GetState();
            checkpoint = SafeTensorsRoundTripTests.Save(state.Tensors, state.Metadata);
            resumed = first.Values();
        }
        using (var file = SafeTensors.Load(new MemoryStream(checkpoint)))
        using (var state = new OptimizerState(file.Tensors, file.Metadata))
        // A fresh optimizer built with other hyperparameters: the state must restore them too.
        using (var second = new Run(kind, resumed, lr: 0.5, momentum: 0))
        {
            second.Optimizer.LoadState(state);
            Assert.AreEqual((long)Interrupted, second.Optimizer.StepCount);
            Assert.AreEqual(0.01, second.Optimizer.LearningRate);
            second.Steps(Total - Interrupted);
            resumed = second.Values();
        }

        for (int i = 0; i < uninterrupted.Length; i++)
            CollectionAssert.AreEqual(uninterrupted[i], resumed[i], $"parameter {i}");
    }

    [TestMethod]
    public void StateNamesTensorsByParameterIndexAndRecordsScalars()
    {
        using var run = new Run("adam", Initial());
        run.Steps(2);
        using var state = run.Optimizer.GetState();
        CollectionAssert.AreEquivalent(new[] { "0.exp_avg", "0.exp_avg_sq", "1.exp_avg", "1.exp_avg_sq" }, state.Tensors.Keys.ToArray());
        Assert.AreEqual("Adam", state.Kind);
        Assert.AreEqual(2L, state.StepCount);
        Assert.AreEqual("0.01", state.Metadata["lr"]);
        Assert.AreEqual("[3];[2,2]", state.Metadata["parameter_shapes"]);
        // The state is a snapshot: stepping on does not change it.
        var before = state.Tensors["0.exp_avg"].ToArray<float>();
        run.Steps(1);
        CollectionAssert.AreEqual(before, state.Tensors["0.exp_avg"].ToArray<float>());
    }

    [TestMethod]
    public void SgdWithoutMomentumHasNoTensors()
    {
        using var run = new Run("sgd", Initial(), momentum: 0);
        run.Steps(1);
        using var state = run.Optimizer.GetState();
        Assert.IsEmpty(state.Tensors);
        Assert.AreEqual("false", state.Metadata["nesterov"]);
    }

    [TestMethod]
    public void LoadingAnotherKindThrows()
    {
        using var adam = new Run("adam", Initial());
        using var sgd = new Run("sgd", Initial());
        sgd.Steps(1);
        using var state = sgd.Optimizer.GetState();
        var e = Assert.ThrowsExactly<OptimizerStateException>(() => adam.Optimizer.LoadState(state));
        StringAssert.Contains(e.Message, "Sgd");
        Assert.AreEqual(0L, adam.Optimizer.StepCount);
    }

    [TestMethod]
    public void LoadingStateForOtherParametersThrows()
    {
        using var source = new Run("adam", Initial());
        source.Steps(1);
        using var state = source.Optimizer.GetState();

        using var fewer = new Run("adam", [Initial()[0]]);
        StringAssert.Contains(Assert.ThrowsExactly<OptimizerStateException>(() => fewer.Optimizer.LoadState(state)).Message,
            "2 parameters");

        using var reshaped = new Run("adam", [Initial()[0], [1f, 2f, 3f, 4f, 5f, 6f]]);
        Assert.ThrowsExactly<OptimizerStateException>(() => reshaped.Optimizer.LoadState(state));
        Assert.AreEqual(0L, reshaped.Optimizer.StepCount);
    }

    [TestMethod]
    public void LoadingStateWithWrongTensorsThrows()
    {
        using var run = new Run("adam", Initial());
        run.Steps(1);
        using var state = run.Optimizer.GetState();
        var metadata = state.Metadata;

        using var wrongShape = Tensors.Zeros(4);
        var tensors = new Dictionary<string, Tensor>(state.Tensors) { ["0.exp_avg"] = wrongShape };
        using (var bad = new OptimizerState(tensors, metadata))
            Assert.ThrowsExactly<OptimizerStateException>(() => run.Optimizer.LoadState(bad));

        using var unknown = new OptimizerState(new Dictionary<string, Tensor>(state.Tensors) { ["0.momentum_buffer"] = wrongShape }, metadata);
        StringAssert.Contains(Assert.ThrowsExactly<OptimizerStateException>(() => run.Optimizer.LoadState(unknown)).Message,
            "0.momentum_buffer");

        var partial = state.Tensors.Where(kv => kv.Key != "1.exp_avg_sq").ToDictionary();
        using (var missing = new OptimizerState(partial, metadata))
            StringAssert.Contains(Assert.ThrowsExactly<OptimizerStateException>(() => run.Optimizer.LoadState(missing)).Message,
                "1.exp_avg_sq");

        var badBeta = new Dictionary<string, string>(metadata) { ["beta1"] = "1.5" };
        using (var invalid = new OptimizerState(state.Tensors, badBeta))
            Assert.IsInstanceOfType<ArgumentOutOfRangeException>(
                Assert.ThrowsExactly<OptimizerStateException>(() => run.Optimizer.LoadState(invalid)).InnerException);

        var noStep = metadata.Where(kv => kv.Key != "step").ToDictionary();
        using (var incomplete = new OptimizerState(state.Tensors, noStep))
            Assert.ThrowsExactly<OptimizerStateException>(() => run.Optimizer.LoadState(incomplete));
        Assert.AreEqual(1L, run.Optimizer.StepCount);
    }

    [TestMethod]
    public void HyperparametersAreValidated()
    {
        using var p = TestParameter.From(Tensors.Zeros(2));
        Parameter[] ps = [p];
        Assert.AreEqual("lr", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(ps, lr: -1)).ParamName);
        Assert.AreEqual("beta1", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(ps, beta1: 1)).ParamName);
        Assert.AreEqual("beta2", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(ps, beta2: -0.1)).ParamName);
        Assert.AreEqual("eps", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(ps, eps: -1e-8)).ParamName);
        Assert.AreEqual("weightDecay", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam(ps, weightDecay: double.NaN)).ParamName);
        Assert.AreEqual("lr", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Sgd(ps, -0.1)).ParamName);
        Assert.AreEqual("momentum", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Sgd(ps, 0.1, momentum: -1)).ParamName);
        Assert.AreEqual("nesterov", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Sgd(ps, 0.1, nesterov: true)).ParamName);
        Assert.AreEqual("nesterov", Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => new Sgd(ps, 0.1, momentum: 0.9, dampening: 0.1, nesterov: true)).ParamName);
        Assert.ThrowsExactly<ArgumentException>(() => new Adam([]));
        Assert.ThrowsExactly<ArgumentException>(() => new Adam([p, p]));
        using var adam = new Adam(ps);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => adam.LearningRate = -1);
        adam.LearningRate = 0.25;
        Assert.AreEqual(0.25, adam.LearningRate);
    }

    [TestMethod]
    public void ZeroGradDropsGradientsAndStepSkipsParametersWithoutOne()
    {
        using var a = TestParameter.From(Tensors.FromArray(new[] { 1f, 2f }));
        using var b = TestParameter.From(Tensors.FromArray(new[] { 3f }));
        using var sgd = new Sgd([a, b], lr: 0.5);
        using (var g = Tensors.FromArray(new[] { 1f, -1f })) a.Grad = g;
        sgd.Step();
        CollectionAssert.AreEqual(new[] { 0.5f, 2.5f }, a.ToArray<float>());
        CollectionAssert.AreEqual(new[] { 3f }, b.ToArray<float>());
        sgd.ZeroGrad();
        Assert.IsNull(a.Grad);
        sgd.Step();
        CollectionAssert.AreEqual(new[] { 0.5f, 2.5f }, a.ToArray<float>());
    }

    [TestMethod]
    [DoNotParallelize] // the live-tensor count is process-wide: no other test may create or free tensors meanwhile
    public void StateOutlivesDisposeScopesAndIsFreedWithTheOptimizer()
    {
        long baseline = Tensors.SettledLiveTensorCount();
        Parameter p;
        Adam adam;
        using (Tensors.NewDisposeScope())
        {
            p = new Parameter(Tensors.FromArray(new[] { 1f, 2f }));
            adam = new Adam([p], lr: 0.1);
        }
        using (p)
        {
            using (adam)
            {
                OptimizerFixtureTests.SetGradients([p]);
                adam.Step();
                using var state = adam.GetState();
                Assert.AreEqual(2, state.Tensors.Count);
            }
            Assert.ThrowsExactly<ObjectDisposedException>(adam.Step);
        }
        Assert.AreEqual(baseline, Tensors.LiveTensorCount);
    }

    private static float[][] Initial() => [[0.5f, -1.25f, 2f], [0.3f, -0.7f, 1.1f, -0.2f]];

    /// <summary>Float32 parameters and an optimizer, stepped with the fixture's gradient p·p − 0.5.</summary>
    private sealed class Run : IDisposable
    {
        private readonly Parameter[] _parameters;

        public Run(string kind, float[][] values, double lr = 0.01, double momentum = 0.9)
        {
            _parameters = values.Select(v =>
            {
                using var t = v.Length == 4 ? Tensors.FromArray(v, 2, 2) : Tensors.FromArray(v);
                return new Parameter(t);
            }).ToArray();
            Optimizer = kind == "adam"
                ? new Adam(_parameters, lr, beta1: 0.8, weightDecay: 0.01)
                : new Sgd(_parameters, lr, momentum, weightDecay: 0.01, nesterov: momentum > 0);
        }

        public Optimizer Optimizer { get; }

        public void Steps(int count)
        {
            for (int i = 0; i < count; i++)
            {
                OptimizerFixtureTests.SetGradients(_parameters);
                Optimizer.Step();
                Optimizer.ZeroGrad();
            }
        }

        public float[][] Values() => _parameters.Select(p => p.ToArray<float>()).ToArray();

        public void Dispose()
        {
            Optimizer.Dispose();
            foreach (var p in _parameters) p.Dispose();
        }
    }
}
