using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Persistence;

[TestClass]
public sealed class ModelFormatRefusalTests
{
    private const string KeysEntry = "components/1/keys.0.json";

    /// <summary>Saves the fixture's chain to a file in <paramref name="folder"/>.</summary>
    private static string SaveModel(TempFolder folder)
    {
        var context = new MLContext(1);
        var input = ModelFixture.Input(context);
        using var model = ModelFixture.FitChain(context, input);
        string path = folder.File("model.zip");
        context.Model.Save(model, input.Schema, path);
        return path;
    }

    private static ModelFormatException LoadFails(string path) =>
        Assert.ThrowsExactly<ModelFormatException>(() => new MLContext().Model.Load(path, out _));

    [TestMethod]
    public void TamperedEntryIsAChecksumMismatchNamingIt()
    {
        using var folder = new TempFolder();
        string path = SaveModel(folder);
        // A valid zip whose entry no longer matches the manifest's SHA-256.
        ModelFixture.Rewrite(path, zip => ModelFixture.WriteText(zip, KeysEntry, ModelFixture.ReadText(zip, KeysEntry).Replace("0.5", "0.6")));
        var error = LoadFails(path);
        Assert.StartsWith($"Checksum mismatch in entry '{KeysEntry}': its SHA-256 is ", error.Message);
        Assert.Contains(", the manifest records ", error.Message);
    }

    [TestMethod]
    public void FlippedByteInsideAnEntryIsACheckumMismatchNamingIt()
    {
        using var folder = new TempFolder();
        string path = SaveModel(folder);
        byte[] bytes = File.ReadAllBytes(path);
        // Entries are stored uncompressed: the first "alpha" is in the input's KeyValues of Category, as written.
        int at = bytes.AsSpan().IndexOf("\"alpha\""u8);
        Assert.IsGreaterThan(0, at);
        bytes[at + 1] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var error = LoadFails(path);
        Assert.StartsWith("Checksum mismatch in entry 'schema/7/KeyValues.json': ", error.Message, error.Message);
    }

    [TestMethod]
    public void NewerFormatVersionIsRefused()
    {
        using var folder = new TempFolder();
        string path = SaveModel(folder);
        ModelFixture.Rewrite(path, zip => ModelFixture.WriteText(zip, "manifest.json", ModelFixture.ReadText(zip, "manifest.json").Replace("\"formatVersion\": 1", "\"formatVersion\": 3")));
        Assert.AreEqual("The model was written by format 3; this build reads up to 1. Use a newer Gan.MLNet.", LoadFails(path).Message);
    }

    [TestMethod]
    public void MissingEntryIsNamed()
    {
        using var folder = new TempFolder();
        string path = SaveModel(folder);
        ModelFixture.Rewrite(path, zip => zip.GetEntry(KeysEntry)!.Delete());
        Assert.AreEqual($"Missing entry '{KeysEntry}' (listed in the manifest).", LoadFails(path).Message);

        ModelFixture.Rewrite(path, zip => zip.GetEntry("manifest.json")!.Delete());
        Assert.AreEqual("Missing entry 'manifest.json': not a model file.", LoadFails(path).Message);
    }

    [TestMethod]
    public void TruncatedFilesAreRefusedAtEveryLength()
    {
        using var folder = new TempFolder();
        string path = SaveModel(folder);
        byte[] bytes = File.ReadAllBytes(path);
        string cut = folder.File("cut.zip");
        foreach (int length in new[] { 1, 30, 100, bytes.Length / 3, bytes.Length / 2, bytes.Length - 100, bytes.Length - 22, bytes.Length - 1 })
        {
            File.WriteAllBytes(cut, bytes[..length]);
            var error = LoadFails(cut);
            Assert.StartsWith($"'{cut}' is not a model: not a zip archive, or truncated", error.Message, $"cut at {length} of {bytes.Length}");
        }
    }

    [TestMethod]
    public void ZeroByteAndNonZipFilesAreRefused()
    {
        using var folder = new TempFolder();
        string empty = folder.Write("empty.zip", "");
        Assert.AreEqual($"'{empty}' is empty (0 bytes), not a model.", LoadFails(empty).Message);
        string text = folder.Write("text.zip", "Name,Age\nAnn,31\n");
        Assert.StartsWith($"'{text}' is not a model: not a zip archive, or truncated", LoadFails(text).Message);
        Assert.ThrowsExactly<FileNotFoundException>(() => new MLContext().Model.Load(folder.File("missing.zip"), out _));
    }

    [TestMethod]
    public void UnknownKindIsRefusedWithoutTouchingTypes()
    {
        using var folder = new TempFolder();
        string path = SaveModel(folder);
        ModelFixture.Rewrite(path, zip => ModelFixture.WriteText(zip, "manifest.json", ModelFixture.ReadText(zip, "manifest.json").Replace("\"kind\": \"CopyColumns\"", "\"kind\": \"System.IO.File, System.Runtime\"")));
        Assert.StartsWith("Component 8 has unknown kind 'System.IO.File, System.Runtime'; this build knows: ", LoadFails(path).Message);
    }

    [TestMethod]
    public void MalformedOptionsNameTheComponent()
    {
        using var folder = new TempFolder();
        string path = SaveModel(folder);
        ModelFixture.Rewrite(path, zip => ModelFixture.WriteText(zip, "manifest.json", ModelFixture.ReadText(zip, "manifest.json").Replace("\"outputColumnName\": \"Features\"", "\"outputColumnName\": 7")));
        Assert.StartsWith("Component 7 (Concatenate): option 'outputColumnName' is not a String.", LoadFails(path).Message);
    }

    [TestMethod]
    public void ChainThatContainsItselfIsRefused()
    {
        using var folder = new TempFolder();
        string path = SaveModel(folder);
        ModelFixture.Rewrite(path, zip =>
        {
            var manifest = System.Text.Json.Nodes.JsonNode.Parse(ModelFixture.ReadText(zip, "manifest.json"))!;
            manifest["components"]![0]!["parts"]![0] = 0;
            ModelFixture.WriteText(zip, "manifest.json", manifest.ToJsonString());
        });
        Assert.AreEqual("Component 0 (TransformerChain) is its own part.", LoadFails(path).Message);
    }

    [TestMethod]
    public void ManifestThatIsNotJsonIsRefused()
    {
        using var folder = new TempFolder();
        string path = SaveModel(folder);
        ModelFixture.Rewrite(path, zip => ModelFixture.WriteText(zip, "manifest.json", "{ not json"));
        Assert.StartsWith("Entry 'manifest.json' is corrupt: ", LoadFails(path).Message);
    }
}
