using Gan.Imaging;
using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;
using Gan.Models.SuperResolution;
using static Gan.MLNet.Tests.SuperResolution.SuperResolveTestData;

namespace Gan.MLNet.Tests.SuperResolution;

[TestClass]
public sealed class SuperResolveErrorTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(3)]
    [DataRow(8)]
    public void ScalesOtherThanTwoAndFourAreRefusedNamingScale(int scale)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Transforms.SuperResolve("Big", "Picture", scale));

        Assert.AreEqual("Scale", error.ParamName);
        StringAssert.Contains(error.Message, $"not {scale}");
    }

    [TestMethod]
    public void AMissingInputColumnIsNamed()
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        var data = Pictures(context, Random(8, 8, PixelFormat.Rgb24, 1));
        var estimator = context.Transforms.SuperResolve("Big", "Photo", 2, FromFile(TinyModelFile(folder.Path, 2), 2));

        StringAssert.Contains(Assert.ThrowsExactly<ColumnNotFoundException>(() => estimator.Fit(data)).Message, "'Photo'");
        Assert.ThrowsExactly<ColumnNotFoundException>(() => estimator.GetOutputSchema(Shapes.Of(data.Schema)));
    }

    [TestMethod]
    public void ANonImageColumnIsASchemaMismatchNamingIt()
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        var data = Pictures(context, Random(8, 8, PixelFormat.Rgb24, 1));
        var estimator = context.Transforms.SuperResolve("Big", "Name", 2, FromFile(TinyModelFile(folder.Path, 2), 2));

        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => estimator.Fit(data));
        Assert.AreEqual("Name", error.ColumnName);
        StringAssert.StartsWith(error.ExpectedType, "an image column");
        Assert.ThrowsExactly<SchemaMismatchException>(() => estimator.GetOutputSchema(Shapes.Of(data.Schema)));

        using var transformer = context.Transforms.SuperResolve("Big", "Picture", 2, FromFile(TinyModelFile(folder.Path, 2), 2)).Fit(data);
        var renamed = context.Transforms.CopyColumns("Picture", "Name").Fit(data).Transform(data);
        Assert.AreEqual("Picture", Assert.ThrowsExactly<SchemaMismatchException>(() => transformer.Transform(renamed)).ColumnName);
    }

    [TestMethod]
    public void AMissingModelFileIsNamed()
    {
        var context = new MLContext();
        string path = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.safetensors");
        var estimator = context.Transforms.SuperResolve("Big", "Picture", 2, FromFile(path, 2));

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => estimator.Fit(Pictures(context, Random(8, 8, PixelFormat.Rgb24, 1))));

        StringAssert.Contains(error.Message, path);
    }

    [TestMethod]
    public void AModelFileOfAnotherScaleOrNoModelAtAllIsRefusedNamingTheFile()
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        var data = Pictures(context, Random(8, 8, PixelFormat.Rgb24, 1));
        string x2 = TinyModelFile(folder.Path, 2), garbage = folder.Write("garbage.safetensors", "not a model");

        var otherScale = Assert.ThrowsExactly<FormatException>(() => context.Transforms.SuperResolve("Big", "Picture", 4, FromFile(x2, 4)).Fit(data));
        var notAModel = Assert.ThrowsExactly<FormatException>(() => context.Transforms.SuperResolve("Big", "Picture", 2, FromFile(garbage, 2)).Fit(data));

        StringAssert.Contains(otherScale.Message, $"'{x2}' upscales ×2, but Scale is 4");
        StringAssert.Contains(notAModel.Message, $"'{garbage}' is not an SRResNet file");
    }

    [TestMethod]
    public void TheModelPathAndTheFileSourceGoTogether()
    {
        var catalog = new MLContext().Transforms;

        var noPath = Assert.ThrowsExactly<ArgumentException>(() => catalog.SuperResolve("Big", "Picture", 2, new SuperResolvingEstimator.Options { ModelSource = SuperResolveModelSource.File }));
        var pathWithoutFile = Assert.ThrowsExactly<ArgumentException>(() => catalog.SuperResolve("Big", "Picture", 2, new SuperResolvingEstimator.Options { ModelPath = "x.safetensors" }));

        Assert.AreEqual(("ModelPath", "ModelPath"), (noPath.ParamName, pathWithoutFile.ParamName));
    }

    [TestMethod]
    [DataRow("TileSize")]
    [DataRow("RowBatchSize")]
    [DataRow("MaxPendingPixels")]
    [DataRow("PatchSize")]
    public void InvalidSettingsAreRefusedNamingTheSetting(string setting)
    {
        var options = setting switch
        {
            "TileSize" => new SuperResolvingEstimator.Options { Tiling = new SuperResolverOptions { TileSize = 0 } },
            "RowBatchSize" => new SuperResolvingEstimator.Options { RowBatchSize = 0 },
            "MaxPendingPixels" => new SuperResolvingEstimator.Options { MaxPendingPixels = 0 },
            _ => new SuperResolvingEstimator.Options { ModelSource = SuperResolveModelSource.Train, Patches = new SrPatchOptions { PatchSize = 18 } },
        };

        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext().Transforms.SuperResolve("Big", "Picture", 4, options));

        Assert.AreEqual(setting, error.ParamName);
    }

    [TestMethod]
    public void TrainingOnTooFewUsableImagesSaysWhy()
    {
        var context = new MLContext();
        var data = Pictures(context, Random(32, 32, PixelFormat.Rgb24, 1), Random(8, 8, PixelFormat.Rgb24, 2));
        var options = new SuperResolvingEstimator.Options { ModelSource = SuperResolveModelSource.Train, Patches = new SrPatchOptions { PatchSize = 16 } };

        var error = Assert.ThrowsExactly<InvalidDataException>(() => context.Transforms.SuperResolve("Big", "Picture", 2, options).Fit(data));

        StringAssert.Contains(error.Message, "row 1 (8x8 is smaller than a 16-pixel patch)");
    }
}
