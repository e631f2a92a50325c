using Gan.Torch.NN;
using Gan.Torch.Serialization;

namespace Gan.Torch.Tests.Serialization;

[TestClass]
public sealed class ModuleRebuildTests
{
    private static SafeTensorsFile Saved(Linear layer, int outFeatures)
    {
        var buffer = new MemoryStream();
        layer.Save(buffer, new Dictionary<string, string> { ["out"] = outFeatures.ToString() });
        buffer.Position = 0;
        return SafeTensors.Load(buffer);
    }

    [TestMethod]
    public void RebuildsFromTheMetadataAndCopiesTheWeights()
    {
        using var original = new Linear(2, 3);
        using var file = Saved(original, 3);
        using var rebuilt = ModuleSerialization.Rebuild(file, metadata => new Linear(2, int.Parse(metadata["out"])));
        Assert.IsTrue(rebuilt.Weight.ValueEquals(original.Weight));
    }

    [TestMethod]
    public void AModuleTheTensorsDoNotFitIsDisposed()
    {
        using var original = new Linear(2, 3);
        using var file = Saved(original, 3);
        Linear? built = null;
        Assert.ThrowsExactly<StateDictException>(() => ModuleSerialization.Rebuild(file, _ => built = new Linear(2, 4)));
        Assert.IsTrue(built!.Weight.IsDisposed);
    }
}
