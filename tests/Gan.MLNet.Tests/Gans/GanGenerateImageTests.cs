using Gan.Imaging;
using Gan.MLNet.Transforms;
using Gan.Models.Gans;
using Gan.Models.Training;
using Gan.MLNet.Tests.Images;

namespace Gan.MLNet.Tests.Gans;

[TestClass]
public sealed class GanGenerateImageTests
{
    public sealed class PictureRow
    {
        [ImageType(8, 8)]
        public MLImage? Picture { get; set; }

        public string Kind { get; set; } = "";
    }

    private static IDataView Pictures(MLContext context, PixelFormat format)
    {
        var rows = Enumerable.Range(0, 24).Select(i => new PictureRow
        {
            Picture = ImageTestData.Pattern(8, 8, seed: i % 2, format: format).ToMLImage(),
            Kind = i % 2 == 0 ? "even" : "odd",
        }).ToList();
        var data = context.Data.LoadFromEnumerable(rows);
        return context.Transforms.Conversion.MapValueToKey("Kind").Fit(data).Transform(data);
    }

    private static GanGeneratingEstimator.Options Options => new()
    {
        OutputColumnName = "Picture",
        LabelColumnName = "Kind",
        Model = new GanOptions { LatentSize = 4, GeneratorWidth = 4, DiscriminatorWidth = 4 },
        Training = new GanTrainerOptions { Epochs = 1, BatchSize = 8 },
        SyntheticRowsPerClass = 3,
    };

    [TestMethod]
    [DataRow(PixelFormat.Gray8, PixelFormat.Gray8)]
    [DataRow(PixelFormat.Rgb24, PixelFormat.Rgb24)]
    [DataRow(PixelFormat.Rgba32, PixelFormat.Rgb24)]
    public void ImagesOfAnySizeTrainTheMlpKindAndComeBackAsImagesOfTheSameSize(PixelFormat input, PixelFormat output)
    {
        var context = new MLContext();
        var data = Pictures(context, input);
        using var transformer = context.Transforms.GanGenerate(Options).Fit(data);
        Assert.AreEqual(GanKind.Conditional, transformer.ModelOptions.Kind, "8 px is no DCGAN size: the conditional MLP is chosen");
        Assert.AreEqual(new ImageDataViewType(8, 8), transformer.SampleType);

        var view = transformer.TransformForTrainingPipeline(data);
        var pictures = ImageTestData.Images(view, "Picture");
        Assert.HasCount(24 + 6, pictures);
        Assert.IsTrue(pictures.Skip(24).All(p => p is { Width: 8, Height: 8 } && p.Format == output));
    }

    [TestMethod]
    public void LabelledImagesOfADcganSizeTrainAConditionalDcganByDefault()
    {
        var context = new MLContext();
        var rows = Enumerable.Range(0, 16).Select(i => new DigitSizedRow { Picture = ImageTestData.Pattern(28, 28, seed: i % 2, format: PixelFormat.Gray8).ToMLImage(), Kind = i % 2 == 0 ? "even" : "odd" }).ToList();
        var raw = context.Data.LoadFromEnumerable(rows);
        var data = context.Transforms.Conversion.MapValueToKey("Kind").Fit(raw).Transform(raw);
        var options = Options with { Model = new GanOptions { LatentSize = 4, GeneratorWidth = 2, DiscriminatorWidth = 2 } };
        using var transformer = context.Transforms.GanGenerate(options).Fit(data);
        Assert.AreEqual(GanKind.ConditionalDcgan, transformer.ModelOptions.Kind);
        var odd = ImageTestData.Images(context.Data.Generate(transformer, 2, "odd"), "Picture");
        Assert.IsTrue(odd.All(p => p is { Width: 28, Height: 28, Format: PixelFormat.Gray8 }));
    }

    public sealed class DigitSizedRow
    {
        [ImageType(28, 28)]
        public MLImage? Picture { get; set; }

        public string Kind { get; set; } = "";
    }

    [TestMethod]
    public void AMissingImageIsReportedWithItsRow()
    {
        var context = new MLContext();
        var rows = Enumerable.Range(0, 6).Select(i => new PictureRow { Picture = i == 4 ? null : ImageTestData.Pattern(8, 8).ToMLImage(), Kind = "x" + i % 2 }).ToList();
        var raw = context.Data.LoadFromEnumerable(rows);
        var data = context.Transforms.Conversion.MapValueToKey("Kind").Fit(raw).Transform(raw);
        var error = Assert.ThrowsExactly<InvalidColumnValueException>(() => context.Transforms.GanGenerate(Options).Fit(data));
        Assert.AreEqual(4, error.Row);
        Assert.AreEqual("Picture", error.ColumnName);
    }

    [TestMethod]
    public void AnImageSizeDcganCannotBuildIsRefusedNamingTheOption()
    {
        var context = new MLContext();
        var error = Assert.ThrowsExactly<ArgumentException>(() => context.Transforms.GanGenerate(Options with { Kind = GanKind.ConditionalDcgan }).Fit(Pictures(context, PixelFormat.Gray8)));
        StringAssert.Contains(error.Message, "28, 32, 64");
    }
}
