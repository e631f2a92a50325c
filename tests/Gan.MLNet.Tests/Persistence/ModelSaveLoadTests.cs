using System.IO.Compression;
using System.Text.Json.Nodes;
using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Persistence;

[TestClass]
public sealed class ModelSaveLoadTests
{
    [TestMethod]
    public void ChainOfBuiltInsGivesIdenticalOutputAfterLoad()
    {
        using var folder = new TempFolder();
        var context = new MLContext(1);
        var input = ModelFixture.Input(context);
        using var model = ModelFixture.FitChain(context, input);
        string path = folder.File("model.zip");
        context.Model.Save(model, input.Schema, path);

        var other = new MLContext(2);
        var loaded = other.Model.Load(path, out var loadedSchema);
        Assert.IsInstanceOfType<TransformerChain<ITransformer>>(loaded);
        CollectionAssert.AreEqual(model.Scopes.ToArray(), ((TransformerChain<ITransformer>)loaded).Scopes.ToArray());

        Assert.AreEqual(ModelFixture.Describe(input.Schema), ModelFixture.Describe(loadedSchema));
        var expected = model.Transform(input);
        var actual = loaded.Transform(input);
        Assert.AreEqual(ModelFixture.Describe(expected.Schema), ModelFixture.Describe(actual.Schema));
        Assert.AreEqual(ModelFixture.Describe(expected.Schema), ModelFixture.Describe(loaded.GetOutputSchema(loadedSchema)));
        string expectedValues = ModelFixture.Dump(context, expected);
        Assert.AreEqual(31, expectedValues.Split("\n", StringSplitOptions.RemoveEmptyEntries).Length, "header + 30 rows");
        Assert.AreEqual(expectedValues, ModelFixture.Dump(other, actual));
        // The training-time model (without the Scoring-only step) keeps its scopes too.
        Assert.AreEqual(ModelFixture.Dump(context, model.GetModelFor(TransformerScope.Training).Transform(input)),
            ModelFixture.Dump(other, ((TransformerChain<ITransformer>)loaded).GetModelFor(TransformerScope.Training).Transform(input)));
    }

    [TestMethod]
    public void StreamRoundTripAndManifestLayout()
    {
        var context = new MLContext(1);
        var input = ModelFixture.Input(context);
        using var model = ModelFixture.FitChain(context, input);
        using var stream = new MemoryStream();
        context.Model.Save(model, input.Schema, stream);
        Assert.IsTrue(stream.CanWrite, "the stream is left open");

        stream.Position = 0;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            var manifest = JsonNode.Parse(ModelFixture.ReadText(zip, "manifest.json"))!.AsObject();
            Assert.AreEqual("Gan.MLNet.Model", (string)manifest["format"]!);
            Assert.AreEqual(1, (int)manifest["formatVersion"]!);
            var components = manifest["components"]!.AsArray();
            CollectionAssert.AreEqual(
                new[] { "TransformerChain", "MapValueToKey", "MapValueToKey", "MapValueToKey", "MapValueToKey", "MapKeyToValue", "MapKeyToValue", "Concatenate", "CopyColumns", "DropColumns", "SelectColumns" },
                components.Select(c => (string)c!["kind"]!).ToArray());
            Assert.AreEqual("TrainTest", (string)components[8]!["scope"]!);
            var entries = manifest["entries"]!.AsArray().Select(e => (string)e!["name"]!).ToArray();
            CollectionAssert.Contains(entries, "components/1/keys.0.json");
            CollectionAssert.Contains(entries, "schema/7/KeyValues.json");
            Assert.AreEqual(entries.Length + 1, zip.Entries.Count);
        }
        stream.Position = 0;
        var loaded = new MLContext().Model.Load(stream, out var schema);
        Assert.AreEqual(ModelFixture.Dump(context, model.Transform(input)), ModelFixture.Dump(context, loaded.Transform(input)));
        Assert.AreEqual(ModelFixture.Describe(input.Schema), ModelFixture.Describe(schema));
    }

    [TestMethod]
    public void SingleTransformerRoundTrips()
    {
        var context = new MLContext(1);
        var input = ModelFixture.Input(context);
        var copy = context.Transforms.CopyColumns("Copy", "Label").Fit(input);
        using var stream = new MemoryStream();
        context.Model.Save(copy, input.Schema, stream);
        stream.Position = 0;
        var loaded = context.Model.Load(stream, out _);
        Assert.IsInstanceOfType<Gan.MLNet.Transforms.ColumnCopyingTransformer>(loaded);
        Assert.AreEqual(ModelFixture.Dump(context, copy.Transform(input)), ModelFixture.Dump(context, loaded.Transform(input)));
    }

    [TestMethod]
    public void UnsavableTransformerLeavesTheDestinationUntouched()
    {
        using var folder = new TempFolder();
        var context = new MLContext(1);
        var input = context.Data.LoadFromEnumerable(ModelFixture.Rows(3));
        var chain = new TransformerChain<ITransformer>(context.Transforms.CopyColumns("C", "Value").Fit(input), new AddOffsetTransformer("V2", "Value", 1));
        string path = folder.Write("model.zip", "previous");
        var error = Assert.ThrowsExactly<NotSupportedException>(() => context.Model.Save(chain, input.Schema, path));
        Assert.AreEqual("AddOffsetTransformer cannot be saved into a model file: it does not override Save.", error.Message);
        Assert.AreEqual("previous", File.ReadAllText(path));
        Assert.HasCount(1, Directory.GetFiles(folder.Path));

        using var stream = new MemoryStream();
        Assert.ThrowsExactly<NotSupportedException>(() => context.Model.Save(chain, input.Schema, stream));
        Assert.AreEqual(0L, stream.Length);
    }

    [TestMethod]
    public void SaveChecksTheModelAgainstTheInputSchema()
    {
        var context = new MLContext(1);
        var input = context.Data.LoadFromEnumerable(ModelFixture.Rows(3));
        var copy = context.Transforms.CopyColumns("C", "Value").Fit(input);
        var otherSchema = context.Data.LoadFromEnumerable(LabeledRow.Generate(1, "a")).Schema;
        Assert.ThrowsExactly<ColumnNotFoundException>(() => context.Model.Save(copy, DataViewSchema.Create(otherSchema.Where(c => c.Name != "Value").Select(c => new DataViewSchema.DetachedColumn(c))), new MemoryStream()));
    }

    private sealed class ScaleTransformer(string output, string input, float factor) : OneToOneTransformerBase((output, input))
    {
        public const string Kind = "Tests.Scale";

        public float Factor => factor;

        protected override DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn) => new(ColumnPairs[0].outputColumnName, NumberDataViewType.Single);

        protected override Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn)
        {
            var getter = input.GetGetter<float>(inputColumn);
            return (ValueGetter<float>)((ref float value) =>
            {
                getter(ref value);
                value *= factor;
            });
        }

        public override void Save(ModelSaveContext context)
        {
            context.Kind = Kind;
            context.SetOption("output", ColumnPairs[0].outputColumnName);
            context.SetOption("input", ColumnPairs[0].inputColumnName);
            context.AddEntry("factor.bin", BitConverter.GetBytes(factor));
        }

        public static ITransformer Load(ModelLoadContext context) =>
            new ScaleTransformer(context.GetOption<string>("output"), context.GetOption<string>("input"), BitConverter.ToSingle(context.ReadEntry("factor.bin")));
    }

    [TestMethod]
    public void OtherAssembliesAddKindsByExplicitRegistration()
    {
        var context = new MLContext(1);
        var input = context.Data.LoadFromEnumerable(ModelFixture.Rows(4));
        var chain = new TransformerChain<ITransformer>(new ScaleTransformer("Scaled", "Value", 3));
        using var stream = new MemoryStream();
        context.Model.Save(chain, input.Schema, stream);

        stream.Position = 0;
        var unregistered = new MLContext();
        var error = Assert.ThrowsExactly<ModelFormatException>(() => unregistered.Model.Load(stream, out _));
        Assert.StartsWith("Component 1 has unknown kind 'Tests.Scale'; this build knows: Concatenate, ConvertToGrayscale, ConvertToImage, CopyColumns, DropColumns, ExtractPixels, GanGenerate, LoadImages, MapKeyToValue, MapValueToKey, ResizeImages, SelectColumns, SuperResolve, TransformerChain.", error.Message);

        stream.Position = 0;
        var registered = new MLContext();
        registered.Model.Components.Register(ScaleTransformer.Kind, ScaleTransformer.Load);
        Assert.ThrowsExactly<ArgumentException>(() => registered.Model.Components.Register(ScaleTransformer.Kind, ScaleTransformer.Load));
        var loaded = (TransformerChain<ITransformer>)registered.Model.Load(stream, out _);
        Assert.AreEqual(3f, ((ScaleTransformer)loaded.LastTransformer).Factor);
        CollectionAssert.AreEqual(new[] { 0f, 1.5f, 3f, float.NaN }, loaded.Transform(input).GetColumn<float>("Scaled").ToArray());
    }
}
