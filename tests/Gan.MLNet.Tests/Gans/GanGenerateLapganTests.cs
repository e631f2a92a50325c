using Gan.Imaging;
using Gan.MLNet.Tests.Images;
using Gan.MLNet.Transforms;
using Gan.Models.Gans;
using Gan.Models.Gans.Lapgan;
using Gan.Models.Training;

namespace Gan.MLNet.Tests.Gans;

[TestClass]
public sealed class GanGenerateLapganTests
{
    public sealed class PictureRow
    {
        [ImageType(16, 16)]
        public MLImage? Picture { get; set; }

        public string Kind { get; set; } = "";
    }

    [TestMethod]
    public void ConditionalLapganTrainsInAPipelineAndItsSavedModelGeneratesTheSameImages()
    {
        var context = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 16).Select(i => new PictureRow
        {
            Picture = ImageTestData.Pattern(16, 16, seed: i % 2, format: PixelFormat.Gray8).ToMLImage(),
            Kind = i % 2 == 0 ? "even" : "odd",
        }).ToList();
        var raw = context.Data.LoadFromEnumerable(rows);
        var data = context.Transforms.Conversion.MapValueToKey("Kind").Fit(raw).Transform(raw);
        var options = new GanGeneratingEstimator.Options
        {
            OutputColumnName = "Picture",
            LabelColumnName = "Kind",
            Kind = GanKind.ConditionalLapgan,
            Model = new GanOptions { LatentSize = 4, GeneratorWidth = 2, DiscriminatorWidth = 2, Lapgan = new LapganOptions { GeneratorWidth = 2, DiscriminatorWidth = 2 } },
            Training = new GanTrainerOptions { Epochs = 1, BatchSize = 8 },
            SyntheticRowsPerClass = 2,
            GenerationSeed = 7,
        };
        using var transformer = context.Transforms.GanGenerate(options).Fit(data);
        Assert.AreEqual(GanKind.ConditionalLapgan, transformer.ModelOptions.Kind);
        Assert.AreEqual(4 + 8 * 8 + 16 * 16, transformer.ModelOptions.NoiseSize, "z for the 4-px level and one noise plane per finer level");

        var (other, loaded, copy) = GanGenerateTestData.SaveAndLoad(context, transformer, data.Schema);
        using var disposable = loaded as IDisposable;

        var before = ImageTestData.Images(context.Data.Generate(transformer, 3, "odd"), "Picture");
        var after = ImageTestData.Images(other.Data.Generate(copy, 3, "odd"), "Picture");
        Assert.IsTrue(before.All(p => p is { Width: 16, Height: 16, Format: PixelFormat.Gray8 }));
        for (int i = 0; i < before.Count; i++)
            CollectionAssert.AreEqual(before[i]!.Pixels.ToArray(), after[i]!.Pixels.ToArray(), $"sample {i}");
    }
}
