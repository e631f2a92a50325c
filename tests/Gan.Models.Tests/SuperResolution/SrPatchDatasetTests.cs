using Gan.Imaging;
using Gan.Models.SuperResolution;
using Gan.Models.Tests.Torch;
using Gan.Models.Torch;
using static TorchSharp.torch;
using static Gan.Models.Tests.SuperResolution.SrTestData;

namespace Gan.Models.Tests.SuperResolution;

[TestClass]
public sealed class SrPatchDatasetTests
{
    [TestMethod]
    public void BatchesHavePairedShapesAndLrIsTheQuantisedAntialiasedShrinkOfHr()
    {
        using var data = SmallPhotoSet(scale: 2);
        using var batch = data.TrainingBatch(step: 3, batchSize: 5);
        using var scope = NewDisposeScope();

        CollectionAssert.AreEqual(new long[] { 5, 3, 24, 24 }, batch.HighResolution.shape);
        CollectionAssert.AreEqual(new long[] { 5, 3, 12, 12 }, batch.LowResolution.shape);
        var expected = AntialiasedBicubic.Downscale(batch.HighResolution, 2).clamp(0.0, 1.0).mul(255.0).round().div(255.0);
        TensorAssert.AreIdentical(expected, batch.LowResolution, "LR");
    }

    [TestMethod]
    public void BatchTDependsOnlyOnTheSeedAndT()
    {
        using var a = SmallPhotoSet();
        using var b = SmallPhotoSet();
        using var first = a.TrainingBatch(7, 4);
        using var again = b.TrainingBatch(7, 4);
        using var next = a.TrainingBatch(8, 4);

        Assert.IsTrue(TensorAssert.Identical(first.HighResolution, again.HighResolution));
        Assert.IsFalse(TensorAssert.Identical(first.HighResolution, next.HighResolution));
        Assert.IsTrue(TensorAssert.Identical(a.Validation.HighResolution, b.Validation.HighResolution));
    }

    [TestMethod]
    public void ValidationPhotosAreHeldOutOfTraining()
    {
        using var data = SmallPhotoSet(validationPatches: 10);

        Assert.HasCount(1, data.ValidationPhotos, "20% of 6 photos, rounded");
        Assert.HasCount(5, data.TrainingPhotos);
        Assert.IsEmpty(data.TrainingPhotos.Intersect(data.ValidationPhotos));
        Assert.AreEqual(10, data.Validation.Count);
    }

    [TestMethod]
    public void FlipsAndRotationsAreAllDrawn()
    {
        // A photo 24 pixels square has one patch position, so the batch differs only by the 8 transforms.
        using var folder = Temporary();
        var gradient = new byte[24 * 24 * 3];
        for (int i = 0; i < gradient.Length; i++) gradient[i] = (byte)(i / 3 % 24 * 10 + i / 72);
        string photo = Path.Combine(folder.Path, "a.png");
        Image.FromPixels(24, 24, PixelFormat.Rgb24, gradient).Save(photo);
        File.Copy(photo, Path.Combine(folder.Path, "b.png"));
        using var data = SrPatchDataset.LoadFolders([folder.Path], new SrPatchOptions { Scale = 2, PatchSize = 24, ValidationPatchCount = 1 });

        using var batch = data.TrainingBatch(0, 64);

        var distinct = Enumerable.Range(0, 64)
            .Select(i => { using var p = batch.HighResolution.narrow(0, i, 1); return Convert.ToHexString(p.CopyToArray<float>().SelectMany(BitConverter.GetBytes).ToArray()); })
            .Distinct().Count();
        Assert.AreEqual(8, distinct);
    }

    [TestMethod]
    public void UnusableFilesAreSkippedWithTheirReasons()
    {
        using var folder = Temporary();
        string text = Path.Combine(folder.Path, "notes.txt");
        File.WriteAllText(text, "not an image");
        var files = SkimagePhotos("truncated.jpg", "block.png", "astronaut.png", "coffee.png").Append(text);

        using var data = SrPatchDataset.Load(files, new SrPatchOptions { Scale = 2, PatchSize = 24, MaxImageSide = 128, ValidationPatchCount = 2 });

        Assert.HasCount(3, data.Skipped);
        StringAssert.Contains(data.Skipped.Single(s => s.Path.EndsWith("truncated.jpg", StringComparison.Ordinal)).Reason, "truncated");
        StringAssert.Contains(data.Skipped.Single(s => s.Path.EndsWith("block.png", StringComparison.Ordinal)).Reason, "smaller than a 24-pixel patch");
        Assert.IsTrue(data.Skipped.Any(s => s.Path == text));
        Assert.HasCount(2, data.TrainingPhotos.Concat(data.ValidationPhotos));
    }

    [TestMethod]
    public void FewerThanTwoUsablePhotosIsAnErrorListingTheSkippedFiles()
    {
        var files = SkimagePhotos("truncated.jpg", "astronaut.png");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => SrPatchDataset.Load(files, new SrPatchOptions { Scale = 2, PatchSize = 24 }));

        StringAssert.Contains(error.Message, "truncated.jpg");
    }

    [TestMethod]
    [DataRow(nameof(SrPatchOptions.Scale))]
    [DataRow(nameof(SrPatchOptions.PatchSize))]
    [DataRow(nameof(SrPatchOptions.MaxImageSide))]
    [DataRow(nameof(SrPatchOptions.ValidationFraction))]
    [DataRow(nameof(SrPatchOptions.ValidationPatchCount))]
    public void InvalidOptionsAreRefusedNamingTheOption(string option)
    {
        var options = new SrPatchOptions();
        switch (option)
        {
            case nameof(SrPatchOptions.Scale): options.Scale = 3; break;
            case nameof(SrPatchOptions.PatchSize): options.PatchSize = 18; break;
            case nameof(SrPatchOptions.MaxImageSide): options.MaxImageSide = 50; break;
            case nameof(SrPatchOptions.ValidationFraction): options.ValidationFraction = 1; break;
            default: options.ValidationPatchCount = 0; break;
        }

        var error = Assert.ThrowsExactly<ArgumentException>(() => SrPatchDataset.Load([], options));

        Assert.AreEqual(option, error.ParamName);
    }

    [TestMethod]
    public void ImagesInMemoryGiveTheSamePatchesAsTheirFiles()
    {
        using var folder = Temporary();
        var paths = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            string path = Path.Combine(folder.Path, $"photo{i}.png");
            File.WriteAllBytes(path, RandomImage(40 + i, 36, i % 2 == 0 ? PixelFormat.Rgb24 : PixelFormat.Gray8, seed: i).Encode(ImageFormat.Png));
            paths.Add(path);
        }
        var options = new SrPatchOptions { Scale = 2, PatchSize = 16, ValidationPatchCount = 4 };
        using var fromFiles = SrPatchDataset.Load(paths, options);

        using var fromImages = SrPatchDataset.FromImages(paths.Select(p => (p, Image.Load(p))), options);

        CollectionAssert.AreEqual(fromFiles.TrainingPhotos.ToArray(), fromImages.TrainingPhotos.ToArray());
        using var scope = NewDisposeScope();
        TensorAssert.AreIdentical(fromFiles.Validation.HighResolution, fromImages.Validation.HighResolution, "validation HR");
        using var a = fromFiles.TrainingBatch(3, 4);
        using var b = fromImages.TrainingBatch(3, 4);
        TensorAssert.AreIdentical(a.LowResolution, b.LowResolution, "training LR");
    }

    [TestMethod]
    public void ImagesInMemorySmallerThanAPatchAreSkippedByName()
    {
        var images = new[] { ("row 0", RandomImage(20, 20, PixelFormat.Rgb24, 1)), ("row 1", RandomImage(8, 30, PixelFormat.Rgb24, 2)), ("row 2", RandomImage(20, 20, PixelFormat.Rgba32, 3)) };

        using var data = SrPatchDataset.FromImages(images, new SrPatchOptions { Scale = 2, PatchSize = 16, ValidationPatchCount = 2 });

        Assert.AreEqual("row 1", data.Skipped.Single().Path);
        StringAssert.Contains(data.Skipped.Single().Reason, "smaller than a 16-pixel patch");
        Assert.ThrowsExactly<InvalidDataException>(() => SrPatchDataset.FromImages(images.Take(2), new SrPatchOptions { Scale = 2, PatchSize = 16 }));
    }

    [TestMethod]
    public void TheDebianPhotographsAreThereAndUsable()
    {
        var photos = SrPhotoSources.DebianPhotographs();
        if (photos.Count == 0) Assert.Inconclusive("no Debian photographs installed (bash scripts/setup.sh)");

        using var data = SrPatchDataset.Load(photos, new SrPatchOptions { Scale = 4, PatchSize = 96, MaxImageSide = 256, ValidationPatchCount = 1 });

        Assert.IsEmpty(data.Skipped, string.Join("; ", data.Skipped));
    }
}
