using Gan.Models.Gans;
using Gan.Models.Torch;
using static Gan.Models.Tests.ReferenceFixtures;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Gans;

/// <summary>
/// Generators saved by <see cref="GanGeneratorSerialization"/> (what GanGenerate stores in a model) after a few training
/// steps with the libtorch 1.13 engine, against the samples that engine drew from them in eval mode
/// (Fixtures/References/*.generator.safetensors and *.reference.safetensors; the README there says how they were made).
/// </summary>
[TestClass]
public sealed class SavedGeneratorReferenceTests
{
    [TestMethod]
    [DataRow("conditional-dcgan", GanKind.ConditionalDcgan)]
    [DataRow("conditional-mlp", GanKind.Conditional)]
    [DataRow("conditional-lapgan", GanKind.ConditionalLapgan)]
    public void ASavedGeneratorSamplesAsTheReferenceEngineDid(string name, GanKind kind)
    {
        using var reference = Load($"{name}.reference.safetensors");
        using var generator = LoadGenerator(name);
        generator.eval();
        using var noGrad = no_grad();

        using var output = generator.call(reference["noise"], reference["labels"]);

        Assert.AreEqual(kind, generator.Options.Kind);
        AssertMatches(output, reference["output"], name);
        float[] values = reference["output"].CopyToArray<float>();
        Assert.IsGreaterThan(0.5f, values.Max() - values.Min(), "the reference samples are not constant");
    }

    [TestMethod]
    [DataRow("conditional-dcgan")]
    [DataRow("conditional-mlp")]
    [DataRow("conditional-lapgan")]
    public void TheReferenceSamplesDependOnTheSavedBatchNormStatistics(string name)
    {
        using var reference = Load($"{name}.reference.safetensors");
        using var generator = LoadGenerator(name);
        generator.train();
        using var noGrad = no_grad();

        using var batchStatistics = generator.call(reference["noise"], reference["labels"]);

        Assert.IsGreaterThan(0.05f, MaxDifference(batchStatistics, reference["output"]),
            "normalising with the batch's statistics instead of the saved running ones must miss the reference");
    }

    [TestMethod]
    public void TheSavedConditionalDcganHoldsThePyTorchDcganKeys()
    {
        using var file = Load("conditional-dcgan.generator.safetensors");

        AssertKeys(
        [
            "label_emb.weight",
            "main.0.weight",
            "main.1.weight", "main.1.bias", "main.1.running_mean", "main.1.running_var", "main.1.num_batches_tracked",
            "main.3.weight",
            "main.4.weight", "main.4.bias", "main.4.running_mean", "main.4.running_var", "main.4.num_batches_tracked",
            "main.6.weight",
            "main.7.weight", "main.7.bias", "main.7.running_mean", "main.7.running_var", "main.7.num_batches_tracked",
            "main.9.weight",
        ], file);
    }

    [TestMethod]
    public void TheSavedConditionalMlpHoldsTheMlpGeneratorKeys()
    {
        using var file = Load("conditional-mlp.generator.safetensors");

        AssertKeys(MlpGeneratorKeys(""), file);
    }

    [TestMethod]
    public void TheSavedConditionalLapganHoldsTheCoarseMlpAndOneKeySetPerLevel()
    {
        using var file = Load("conditional-lapgan.generator.safetensors");

        AssertKeys(
        [
            .. MlpGeneratorKeys("coarse."),
            .. new[] { 14, 28 }.SelectMany(side => new[]
            {
                $"level{side}.label_plane.weight",
                $"level{side}.main.0.weight", $"level{side}.main.0.bias",
                $"level{side}.main.2.weight", $"level{side}.main.2.bias",
                $"level{side}.main.4.weight", $"level{side}.main.4.bias",
            }),
        ], file);
    }

    // The embedding of MlpGenerator is saved as "labelEmb" (its key is pinned by ComponentName), unlike the "label_emb"
    // of DcganGenerator: files users have carry this name, so it stays.
    private static string[] MlpGeneratorKeys(string prefix) =>
    [
        .. new[]
        {
            "labelEmb.weight",
            "model.0.weight", "model.0.bias",
            "model.2.weight", "model.2.bias",
            "model.3.weight", "model.3.bias", "model.3.running_mean", "model.3.running_var", "model.3.num_batches_tracked",
            "model.5.weight", "model.5.bias",
            "model.6.weight", "model.6.bias", "model.6.running_mean", "model.6.running_var", "model.6.num_batches_tracked",
            "model.8.weight", "model.8.bias",
            "model.9.weight", "model.9.bias", "model.9.running_mean", "model.9.running_var", "model.9.num_batches_tracked",
            "model.11.weight", "model.11.bias",
        }.Select(key => prefix + key),
    ];

    private static GanGenerator LoadGenerator(string name)
    {
        using var stream = File.OpenRead(PathOf($"{name}.generator.safetensors"));
        return GanGeneratorSerialization.Load(stream);
    }
}
