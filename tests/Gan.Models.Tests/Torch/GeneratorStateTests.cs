using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// <see cref="GeneratorState.SetStateChecked"/>: a saved state resumes the exact sequence; a wrong one is an
/// <see cref="ArgumentException"/> (libtorch itself aborts the whole process on it, so these tests would crash the run).
/// </summary>
[TestClass]
public sealed class GeneratorStateTests
{
    [TestMethod]
    public void ASavedStateResumesTheExactSequence()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(7);
        rand([10], generator: g);
        var state = g.get_state();
        var expected = randint(0, 1000, [8], generator: g);
        var expectedNormal = randn([3], ScalarType.Float64, generator: g);

        using var restored = new Generator(99);
        restored.SetStateChecked(state);

        TensorAssert.AreIdentical(expected, randint(0, 1000, [8], generator: restored), "randint");
        TensorAssert.AreIdentical(expectedNormal, randn([3], ScalarType.Float64, generator: restored), "randn");
    }

    [TestMethod]
    public void AStateReadBackFromAFileResumesTheSequence()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(3);
        using var stream = new MemoryStream();
        SafeTensors.Save(new Dictionary<string, Tensor> { ["rng"] = g.get_state() }, stream);
        var expected = rand([5], generator: g);
        stream.Position = 0;
        using var file = SafeTensors.Load(stream);

        using var restored = new Generator(4);
        restored.SetStateChecked(file["rng"]);

        TensorAssert.AreIdentical(expected, rand([5], generator: restored), "rand");
    }

    [TestMethod]
    public void AStateOfTheWrongLengthIsAnArgumentError()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(1);
        long length = g.get_state().numel();
        foreach (long wrong in new[] { length - 1, length + 1, 0L })
        {
            var e = Assert.ThrowsExactly<ArgumentException>(() => g.SetStateChecked(zeros([wrong], ScalarType.Byte)), $"{wrong} bytes");
            StringAssert.Contains(e.Message, $"{length} elements");
            Assert.AreEqual("state", e.ParamName);
        }
    }

    [TestMethod]
    public void AStateOfTheWrongDTypeOrShapeIsAnArgumentError()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(1);
        var good = g.get_state();
        Assert.ThrowsExactly<ArgumentException>(() => g.SetStateChecked(good.to(ScalarType.Float32)));
        Assert.ThrowsExactly<ArgumentException>(() => g.SetStateChecked(good.to(ScalarType.Int64)));
        Assert.ThrowsExactly<ArgumentException>(() => g.SetStateChecked(good.view(2, -1)));
    }

    [TestMethod]
    [DataRow(12, 0, "never seeded")]
    [DataRow(8, 0, "words left, 0,")]
    [DataRow(8, 625, "words left, 625,")]
    [DataRow(16, 625, "next word, 625,")]
    public void AStateOfTheRightLengthThatTheGeneratorCannotResumeFromIsAnArgumentError(int offset, int value, string expected)
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(1);
        var damaged = g.get_state().clone();
        BitConverter.TryWriteBytes(damaged.bytes[offset..], value);
        var e = Assert.ThrowsExactly<ArgumentException>(() => g.SetStateChecked(damaged));
        StringAssert.Contains(e.Message, expected);
        Assert.ThrowsExactly<ArgumentException>(() => g.SetStateChecked(zeros_like(damaged)), "all zeros");
    }

    [TestMethod]
    public void AStateThatIsAStridedViewIsCopiedToTheLayoutLibtorchNeeds()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(8);
        var state = g.get_state();
        var expected = rand([3], generator: g);
        var strided = stack([state, zeros_like(state)], 1).select(1, 0);
        Assert.IsFalse(strided.is_contiguous());

        g.SetStateChecked(strided);

        TensorAssert.AreIdentical(expected, rand([3], generator: g), "the draw after the restored state");
    }

    [TestMethod]
    public void ARefusedStateLeavesTheGeneratorAsItWas()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(5);
        using var twin = new Generator(5);
        Assert.ThrowsExactly<ArgumentException>(() => g.SetStateChecked(zeros([3], ScalarType.Byte)));
        TensorAssert.AreIdentical(rand([4], generator: twin), rand([4], generator: g), "the next draw");
    }
}
