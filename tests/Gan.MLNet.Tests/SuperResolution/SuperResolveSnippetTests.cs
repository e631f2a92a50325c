using Gan.Imaging;
using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;
using Gan.Models.SuperResolution;
using static Gan.MLNet.Tests.SuperResolution.SuperResolveTestData;

namespace Gan.MLNet.Tests.SuperResolution;

/// <summary>The "SuperResolve in one screen" snippet proposed for README.md, compiled and run (it needs the bundled ×4 model).</summary>
[TestClass]
public sealed class SuperResolveSnippetTests
{
    public sealed class ImageFile
    {
        public string Path { get; set; } = "";
    }

    [TestMethod]
    public void TheSnippetRuns()
    {
        using var folder = new TempFolder();
        string inFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "in")).FullName, outFolder = Path.Combine(folder.Path, "out");
        string modelPath = Path.Combine(folder.Path, "upscaler.zip");
        for (int i = 0; i < 3; i++)
            File.WriteAllBytes(Path.Combine(inFolder, $"photo{i}.png"), Random(20 + i, 16, PixelFormat.Rgb24, i).Encode(ImageFormat.Png));

        #region readme-superresolve
        var ml = new MLContext();
        IDataView files = ml.Data.LoadFromEnumerable(Directory.GetFiles(inFolder, "*.png").Select(p => new ImageFile { Path = Path.GetFileName(p) }));

        var pipeline = ml.Transforms.LoadImages("Image", imageFolder: inFolder, inputColumnName: "Path")
            .Append(ml.Transforms.SuperResolve("Upscaled", "Image", scale: 4));     // the bundled ×4 SRResNet
        using var model = pipeline.Fit(files);
        ml.Data.SaveImages(model.Transform(files), "Upscaled", outFolder, fileNameColumnName: "Path");
        ml.Model.SaveWithNetworks(model, files.Schema, modelPath);                          // the weights travel inside the zip

        // or a network trained in Fit on the column's own images (or ModelSource.File with ModelPath)
        var ownNetwork = ml.Transforms.SuperResolve("Upscaled", "Image", scale: 2, new SuperResolvingEstimator.Options
        {
            ModelSource = SuperResolveModelSource.Train,
            Network = new SrResNetOptions { BlockCount = 8, Width = 32 },
            Training = new SrTrainerOptions { Epochs = 5, StepsPerEpoch = 500 },
        });
        #endregion

        Assert.AreEqual(3, Directory.GetFiles(outFolder).Length);
        Assert.IsTrue(Directory.GetFiles(outFolder).All(f => Image.Load(f).Height == 64));
        Assert.IsTrue(File.Exists(modelPath));
        Assert.AreEqual(SuperResolveModelSource.Train, ownNetwork.Settings.ModelSource);
    }
}
