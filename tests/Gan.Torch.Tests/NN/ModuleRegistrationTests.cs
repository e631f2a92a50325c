using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

[TestClass]
public sealed class ModuleRegistrationTests
{
    // PyTorch 1.13: nn.Sequential(nn.Conv2d(3,8,3), nn.BatchNorm2d(8), nn.LeakyReLU(0.2),
    //   nn.ConvTranspose2d(8,4,4,2,1,bias=False), nn.PReLU(4), nn.Flatten(), nn.Linear(10,2), nn.Embedding(5,3),
    //   nn.BatchNorm1d(2)).state_dict().keys()
    private static readonly string[] PyTorchStateDictKeys =
    [
        "0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked",
        "3.weight", "4.weight", "6.weight", "6.bias", "7.weight", "8.weight", "8.bias", "8.running_mean",
        "8.running_var", "8.num_batches_tracked",
    ];

    private static Sequential EveryLayerWithState() => new(
        new Conv2d(3, 8, 3), new BatchNorm2d(8), new LeakyReLU(0.2), new ConvTranspose2d(8, 4, 4, 2, 1, bias: false),
        new PReLU(4), new Flatten(), new Linear(10, 2), new Embedding(5, 3), new BatchNorm1d(2));

    [TestMethod]
    public void SequentialNamesMatchPyTorch()
    {
        using var model = EveryLayerWithState();
        CollectionAssert.AreEqual(PyTorchStateDictKeys, model.StateDict().Keys.ToArray());
        CollectionAssert.AreEqual(
            new[] { "0.weight", "0.bias", "1.weight", "1.bias", "3.weight", "4.weight", "6.weight", "6.bias", "7.weight", "8.weight", "8.bias" },
            model.NamedParameters().Select(p => p.Name).ToArray());
        CollectionAssert.AreEqual(
            new[] { "1.running_mean", "1.running_var", "1.num_batches_tracked", "8.running_mean", "8.running_var", "8.num_batches_tracked" },
            model.NamedBuffers().Select(b => b.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "", "0", "1", "2", "3", "4", "5", "6", "7", "8" },
            model.NamedModules().Select(m => m.Name).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 9).Select(i => i.ToString()).ToArray(),
            model.NamedChildren().Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void ParametersAreTheLayersOwnTensorsWithTheirShapes()
    {
        using var model = new Sequential(new Linear(4, 3), new BatchNorm1d(3));
        var linear = (Linear)model[0];
        var parameters = model.Parameters().ToList();
        Assert.AreEqual(4, parameters.Count);
        Assert.AreSame(linear.Weight, parameters[0]);
        Assert.AreSame(linear.Bias, parameters[1]);
        CollectionAssert.AreEqual(new[] { 3L, 4L }, parameters[0].Shape);
        Assert.IsTrue(parameters.All(p => p.RequiresGrad));
        var bn = (BatchNorm1d)model[1];
        Assert.AreSame(bn.RunningMean, model.StateDict()["1.running_mean"]);
        Assert.AreEqual(DType.Int64, model.StateDict()["1.num_batches_tracked"].DType);
        Assert.AreEqual(0, model.StateDict()["1.num_batches_tracked"].Dim);
    }

    // PyTorch: class Block(nn.Module) with self.conv, self.bn_layer, register_buffer('scale'), self.gain = Parameter
    // has state_dict keys: gain, scale, conv.weight, conv.bias, bn_layer.weight, bn_layer.bias, bn_layer.running_mean,
    // bn_layer.running_var, bn_layer.num_batches_tracked.
    private sealed class Block : Module<Tensor, Tensor>
    {
        private readonly Conv2d _conv = new(2, 2, 3, padding: 1);
        [ComponentName("bn_layer")] private readonly BatchNorm2d _bn = new(2);
        private readonly Tensor _scale = Torch.Ones(1);
        private readonly Parameter? _absent = null;
        private readonly Parameter _gain;

        public Block()
        {
            using var ones = Torch.Ones(2);
            _gain = new Parameter(ones);
            RegisterComponents();
        }

        public override Tensor Forward(Tensor input)
        {
            using var conv = _conv.Call(input);
            using var bn = _bn.Call(conv);
            return bn.Mul(_scale);
        }

        public bool HasAbsent => _absent is not null;
        public Parameter Gain => _gain;
    }

    [TestMethod]
    public void FieldsRegisterAsSubmodulesParametersAndBuffersWithPyTorchNames()
    {
        using var block = new Block();
        CollectionAssert.AreEqual(
            new[] { "gain", "scale", "conv.weight", "conv.bias", "bn_layer.weight", "bn_layer.bias", "bn_layer.running_mean",
                "bn_layer.running_var", "bn_layer.num_batches_tracked" },
            block.StateDict().Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "gain", "conv.weight", "conv.bias", "bn_layer.weight", "bn_layer.bias" },
            block.NamedParameters().Select(p => p.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "conv", "bn_layer" }, block.NamedChildren().Select(c => c.Name).ToArray());
        Assert.IsFalse(block.HasAbsent);
        Assert.AreSame(block.Gain, block.Parameters().First());
    }

    private class BaseNet : Module<Tensor, Tensor>
    {
        private readonly Linear _first = new(2, 2);

        public BaseNet() => RegisterComponents();

        public override Tensor Forward(Tensor input) => _first.Call(input);
    }

    private sealed class DerivedNet : BaseNet
    {
        private readonly Linear _second;
        private readonly Linear _third = new(2, 1);

        public DerivedNet()
        {
            _second = new Linear(2, 2);
            RegisterComponents();
        }

        public Linear Second => _second;
    }

    [TestMethod]
    public void BaseClassFieldsComeFirstAndRegisteringTwiceAddsOnlyNewFields()
    {
        using var net = new DerivedNet();
        CollectionAssert.AreEqual(new[] { "first", "second", "third" }, net.NamedChildren().Select(c => c.Name).ToArray());
        Assert.AreSame(net.Second, net.NamedChildren().ElementAt(1).Module);
    }

    private sealed class PropertyNet : Module<Tensor, Tensor>
    {
        public PropertyNet() => RegisterComponents();

        public Linear Fc { get; } = new(2, 2);
        [field: ComponentName("head_layer")] public Linear Head { get; } = new(2, 1);

        public override Tensor Forward(Tensor input) => Fc.Call(input);
    }

    [TestMethod]
    public void AutoPropertiesRegisterUnderThePropertyNameOrTheirAttribute()
    {
        using var net = new PropertyNet();
        CollectionAssert.AreEqual(new[] { "Fc", "head_layer" }, net.NamedChildren().Select(c => c.Name).ToArray());
    }

    private sealed class Manual : Module
    {
        public void Add(string name, Module m) => RegisterModule(name, m);
        public void AddParameter(string name, Parameter p) => RegisterParameter(name, p);
        public void AddBuffer(string name, Tensor t, bool persistent = true) => RegisterBuffer(name, t, persistent);
    }

    [TestMethod]
    public void DuplicateAndDottedNamesAreRejected()
    {
        using var m = new Manual();
        m.Add("layer", new Linear(2, 2));
        var duplicate = Assert.ThrowsExactly<ArgumentException>(() => m.Add("layer", new ReLU()));
        StringAssert.Contains(duplicate.Message, "'layer'");
        using (var p = Torch.Zeros(1))
        {
            var clash = new Parameter(p);
            Assert.ThrowsExactly<ArgumentException>(() => m.AddParameter("layer", clash));
            clash.Dispose();
        }
        var dotted = Assert.ThrowsExactly<ArgumentException>(() => m.Add("a.b", new ReLU()));
        StringAssert.Contains(dotted.Message, "'.'");
        Assert.ThrowsExactly<ArgumentException>(() => m.Add("", new ReLU()));
    }

    [TestMethod]
    public void NonPersistentBuffersAreConvertedButNotSaved()
    {
        using var m = new Manual();
        m.AddBuffer("kept", Torch.Zeros(2));
        m.AddBuffer("scratch", Torch.Zeros(2), persistent: false);
        CollectionAssert.AreEqual(new[] { "kept" }, m.StateDict().Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "kept", "scratch" }, m.NamedBuffers().Select(b => b.Name).ToArray());
        m.To(DType.Float64);
        Assert.IsTrue(m.Buffers().All(b => b.DType == DType.Float64));
    }

    [TestMethod]
    public void SharedSubmoduleIsListedOnceButSavedUnderEveryName()
    {
        // PyTorch: m.a = l; m.b = l → state_dict a.weight, a.bias, b.weight, b.bias; named_parameters a.weight, a.bias.
        using var m = new Manual();
        var shared = new Linear(2, 2);
        m.Add("a", shared);
        m.Add("b", shared);
        CollectionAssert.AreEqual(new[] { "a.weight", "a.bias", "b.weight", "b.bias" }, m.StateDict().Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "a.weight", "a.bias" }, m.NamedParameters().Select(p => p.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "", "a" }, m.NamedModules().Select(x => x.Name).ToArray());
    }

    [TestMethod]
    public void BuffersLeaveTheDisposeScopeTheyWereCreatedIn()
    {
        BatchNorm1d bn;
        using (Torch.NewDisposeScope()) bn = new BatchNorm1d(3);
        using (bn)
        {
            Assert.IsFalse(bn.RunningMean!.IsDisposed);
            Assert.IsFalse(bn.Weight!.IsDisposed);
            CollectionAssert.AreEqual(new[] { 0f, 0f, 0f }, bn.RunningMean.ToArray<float>());
        }
    }
}
