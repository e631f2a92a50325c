using System.Globalization;
using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>A module's state dict to and from safetensors files and streams, and modules rebuilt from a file's metadata.</summary>
[TestClass]
public sealed class ModuleSerializationTests
{
    private static readonly Dictionary<string, string> Metadata = new() { ["architecture"] = "mirror", ["version"] = "1" };

    [TestMethod]
    public void AModuleRoundTripsThroughAFileWithItsMetadata()
    {
        using var original = Trained();
        using var copy = new MirrorNetwork();
        using var folder = new TemporaryFolder();
        string path = folder.File("mirror.safetensors");
        original.SaveSafeTensors(path, Metadata);
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(folder.Path));

        copy.LoadSafeTensors(path);

        AssertSameState(original, copy);
        using var file = SafeTensors.Load(path);
        CollectionAssert.AreEquivalent(Metadata.ToArray(), file.Metadata.ToArray());
    }

    [TestMethod]
    public void AModuleRoundTripsThroughAStream()
    {
        using var original = Trained();
        using var copy = new MirrorNetwork();
        using var stream = new MemoryStream();
        original.SaveSafeTensors(stream, Metadata);
        stream.Position = 0;
        copy.LoadSafeTensors(stream);
        AssertSameState(original, copy);
    }

    [TestMethod]
    public void TheFileUsesPyTorchsKeysForParametersAndPersistentBuffers()
    {
        using var network = new MirrorNetwork();
        using var file = Reloaded(network);
        using var expected = SafeTensors.Load(PyTorchInteropTests.Fixture("network_reset_seed0.safetensors"));
        CollectionAssert.AreEquivalent(expected.Tensors.Keys.ToArray(), file.Tensors.Keys.ToArray());
        CollectionAssert.Contains(file.Tensors.Keys.ToArray(), "body.1.num_batches_tracked");
    }

    [TestMethod]
    public void AFileThatIsNotSafeTensorsIsAFormatErrorNamingIt()
    {
        using var network = new MirrorNetwork();
        using var folder = new TemporaryFolder();
        string path = folder.File("not-a-model.safetensors");
        File.WriteAllText(path, "this is a text file, not a network");
        var e = Assert.ThrowsExactly<SafeTensorsFormatException>(() => network.LoadSafeTensors(path));
        StringAssert.StartsWith(e.Message, path);
    }

    [TestMethod]
    public void AFileOfAnotherNetworkIsAStateDictErrorAndChangesNothing()
    {
        using var other = nn.Sequential(nn.Linear(6, 8));
        using var network = new MirrorNetwork();
        using var before = Reloaded(network);
        using var stream = new MemoryStream();
        other.SaveSafeTensors(stream);
        stream.Position = 0;

        var e = Assert.ThrowsExactly<StateDictException>(() => network.LoadSafeTensors(stream));

        CollectionAssert.Contains(e.UnexpectedKeys.ToArray(), "0.weight");
        CollectionAssert.Contains(e.MissingKeys.ToArray(), "stem.weight");
        foreach (var (key, value) in network.state_dict()) TensorAssert.AreIdentical(before[key], value, key);
    }

    [TestMethod]
    public void RebuildsFromTheMetadataAndCopiesTheWeights()
    {
        using var original = nn.Linear(2, 3);
        using var file = Saved(original, outFeatures: 3);
        using var rebuilt = ModuleSerialization.Rebuild(file, metadata => nn.Linear(2, int.Parse(metadata["out"], CultureInfo.InvariantCulture)));
        TensorAssert.AreIdentical(original.weight!, rebuilt.weight!, "weight");
        TensorAssert.AreIdentical(original.bias!, rebuilt.bias!, "bias");
    }

    [TestMethod]
    public void AModuleTheTensorsDoNotFitIsDisposed()
    {
        using var original = nn.Linear(2, 3);
        using var file = Saved(original, outFeatures: 3);
        Linear? built = null;
        Assert.ThrowsExactly<StateDictException>(() => ModuleSerialization.Rebuild(file, _ => built = nn.Linear(2, 4)));
        Assert.IsTrue(built!.weight!.IsInvalid, "the module built for nothing is disposed");
    }

    private static MirrorNetwork Trained()
    {
        var network = new MirrorNetwork();
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        network.call(randn([8, 6], generator: generator), randint(0, 5, [8], generator: generator)); // moves the running statistics
        return network;
    }

    private static SafeTensorsFile Reloaded(nn.Module module)
    {
        using var stream = new MemoryStream();
        module.SaveSafeTensors(stream);
        stream.Position = 0;
        return SafeTensors.Load(stream);
    }

    private static SafeTensorsFile Saved(Linear layer, int outFeatures)
    {
        var buffer = new MemoryStream();
        layer.SaveSafeTensors(buffer, new Dictionary<string, string> { ["out"] = outFeatures.ToString(CultureInfo.InvariantCulture) });
        buffer.Position = 0;
        return SafeTensors.Load(buffer);
    }

    private static void AssertSameState(nn.Module expected, nn.Module actual)
    {
        var actualState = actual.state_dict();
        CollectionAssert.AreEquivalent(expected.state_dict().Keys.ToArray(), actualState.Keys.ToArray());
        foreach (var (key, value) in expected.state_dict()) TensorAssert.AreIdentical(value, actualState[key], key);
    }
}
