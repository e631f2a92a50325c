using Gan.Models.Gans;

namespace Gan.Models.Tests.Gans;

[TestClass]
public sealed class GanOptionsTests
{
    [TestMethod]
    [DataRow(GanKind.Dcgan, new[] { 1, 30, 30 }, 0, "SampleShape")]
    [DataRow(GanKind.Dcgan, new[] { 2, 32, 32 }, 0, "SampleShape")]
    [DataRow(GanKind.Dcgan, new[] { 16 }, 0, "SampleShape")]
    [DataRow(GanKind.ConditionalDcgan, new[] { 1, 28, 28 }, 1, "ClassCount")]
    [DataRow(GanKind.Vanilla, new[] { 4 }, 3, "ClassCount")]
    [DataRow(GanKind.Vanilla, new[] { 0 }, 0, "SampleShape")]
    public void RefusesWhatTheArchitectureCannotBuild(GanKind kind, int[] shape, int classes, string option)
    {
        var options = new GanOptions { Kind = kind, SampleShape = shape, ClassCount = classes };
        var error = Assert.ThrowsExactly<ArgumentException>(options.Validate);
        Assert.AreEqual(option, error.ParamName);
        StringAssert.Contains(error.Message, "GanOptions." + option);
    }

    [TestMethod]
    public void RefusesNonFiniteLearningRate()
    {
        var options = new GanOptions { Kind = GanKind.Vanilla, GeneratorLearningRate = double.NaN };
        Assert.AreEqual("GeneratorLearningRate", Assert.ThrowsExactly<ArgumentException>(options.Validate).ParamName);
    }

    [TestMethod]
    public void MetadataRoundTrips()
    {
        var options = new GanOptions
        {
            Kind = GanKind.Conditional, SampleShape = [5], ClassCount = 4, LatentSize = 12, GeneratorWidth = 16,
            Loss = GanLoss.Minimax, GeneratorLearningRate = 1e-3, Beta1 = 0.25,
        };
        var back = GanOptions.FromMetadata(options.ToMetadata());
        CollectionAssert.AreEquivalent(options.ToMetadata().ToArray(), back.ToMetadata().ToArray());
        Assert.IsNull(back.DiscriminatorWidth);
    }

    [TestMethod]
    public void MetadataWithAnUnknownKindIsAFormatError()
    {
        var map = new Dictionary<string, string>(new GanOptions { Kind = GanKind.Vanilla }.ToMetadata()) { ["gan.kind"] = "System.IO.File" };
        var error = Assert.ThrowsExactly<FormatException>(() => GanOptions.FromMetadata(map));
        StringAssert.Contains(error.Message, "gan.kind");
    }
}
