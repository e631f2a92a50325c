using Gan.Imaging;
using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;
using Gan.Models.SuperResolution;
using Gan.Models.Torch;
using static Gan.MLNet.Tests.SuperResolution.SuperResolveTestData;

namespace Gan.MLNet.Tests.SuperResolution;

[TestClass]
public sealed class SuperResolveTests
{
    [TestMethod]
    public void AnInputOfKnownSizeGivesAnOutputOfThatSizeTimesTheScale()
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        var data = context.Data.LoadFromEnumerable(Enumerable.Range(0, 3).Select(i => new FixedPictureRow { Picture = Random(8, 8, PixelFormat.Rgb24, i).ToMLImage() }).ToList());
        var estimator = context.Transforms.SuperResolve("Big", "Picture", scale: 2, FromFile(TinyModelFile(folder.Path, 2), 2));

        using var transformer = estimator.Fit(data);
        var view = transformer.Transform(data);

        Assert.AreEqual(new ImageDataViewType(16, 16), view.Schema["Big"].Type);
        Assert.AreEqual(new ImageDataViewType(16, 16), estimator.GetOutputSchema(Shapes.Of(data.Schema)).Single(c => c.Name == "Big").ItemType);
        Assert.IsTrue(ReadImages(view, "Big").All(i => i is { Width: 16, Height: 16, Format: PixelFormat.Rgb24 }));
    }

    [TestMethod]
    public void ImagesOfAnySizeGiveAnImageColumnOfAnySize()
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        var data = Pictures(context, Random(5, 7, PixelFormat.Rgb24, 1), Random(13, 3, PixelFormat.Rgb24, 2), Random(1, 1, PixelFormat.Rgb24, 3));

        using var transformer = context.Transforms.SuperResolve("Big", "Picture", scale: 4, FromFile(TinyModelFile(folder.Path, 4), 4)).Fit(data);
        var view = transformer.Transform(data);

        Assert.AreEqual(new ImageDataViewType(), view.Schema["Big"].Type);
        CollectionAssert.AreEqual(new[] { (20, 28), (52, 12), (4, 4) }, ReadImages(view, "Big").Select(i => (i!.Width, i.Height)).ToArray());
        Assert.AreEqual(4, transformer.Scale);
    }

    [TestMethod]
    public void WithoutAnInputColumnNameTheColumnIsUpscaledInPlace()
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        var data = Pictures(context, Random(5, 4, PixelFormat.Rgb24, 1));

        using var transformer = context.Transforms.SuperResolve("Picture", scale: 2, options: FromFile(TinyModelFile(folder.Path, 2), 2)).Fit(data);
        var view = transformer.Transform(data);

        Assert.AreEqual(("Picture", "Picture"), (transformer.OutputColumnName, transformer.InputColumnName));
        Assert.AreEqual((10, 8), (ReadImages(view, "Picture")[0]!.Width, ReadImages(view, "Picture")[0]!.Height));
    }

    [TestMethod]
    public void GrayRgbAndRgbaRowsKeepTheirFormatAndMatchTheUpscaler()
    {
        using var folder = new TempFolder();
        string path = TinyModelFile(folder.Path, 2);
        var context = new MLContext();
        Image[] inputs = [Random(9, 7, PixelFormat.Gray8, 1), Random(12, 12, PixelFormat.Rgb24, 2), Random(6, 10, PixelFormat.Rgba32, 3), Random(12, 12, PixelFormat.Gray8, 4)];
        var data = Pictures(context, inputs);

        using var transformer = context.Transforms.SuperResolve("Big", "Picture", scale: 2, FromFile(path, 2)).Fit(data);
        var outputs = ReadImages(transformer.Transform(data), "Big");

        using var network = SrResNetSerialization.Load(path);
        var resolver = new SuperResolver(network, new SuperResolverOptions { TileSize = 6 });
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.AreEqual(inputs[i].Format, outputs[i]!.Format);
            // MLImage stores alpha premultiplied: what the pipeline upscales is the input as ML.NET holds it, and a
            // color under low alpha keeps few bits, so RGBA is compared where the result is mostly opaque.
            var expected = resolver.Upscale(inputs[i].ToMLImage().ToImage());
            Assert.IsLessThanOrEqualTo(inputs[i].Format == PixelFormat.Rgba32 ? 2 : 1, MaxDifference(expected, outputs[i]!, minimumAlpha: 128), $"row {i}");
        }
    }

    [TestMethod]
    public void ReadAheadGivesTheRowByRowImagesInOrderWithTheirOtherColumns()
    {
        using var folder = new TempFolder();
        string path = TinyModelFile(folder.Path, 2);
        var context = new MLContext();
        var data = Pictures(context, [.. Enumerable.Range(0, 7).Select(i => Random(8 + i % 3, 8, PixelFormat.Rgb24, i))]);
        using var batched = context.Transforms.SuperResolve("Big", "Picture", 2, FromFile(path, 2) with { RowBatchSize = 3 }).Fit(data);
        using var single = context.Transforms.SuperResolve("Big", "Picture", 2, FromFile(path, 2) with { RowBatchSize = 1 }).Fit(data);

        var batchedView = batched.Transform(data);
        var rows = ReadRows(batchedView);
        var oneByOne = ReadImages(single.Transform(data), "Big");

        CollectionAssert.AreEqual(Enumerable.Range(0, 7).Select(i => $"p{i}").ToArray(), rows.Select(r => r.Name).ToArray());
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.AreEqual(8 + i % 3, rows[i].Picture.Width, "the input column passes through");
            Assert.IsLessThanOrEqualTo(1, MaxDifference(oneByOne[i]!, rows[i].Big), $"row {i}");
        }
    }

    // Name, Picture and Big read through one cursor (images copied while it is on their row).
    private static List<(string Name, Image Picture, Image Big)> ReadRows(IDataView view)
    {
        DataViewSchema.Column[] columns = [view.Schema["Name"], view.Schema["Picture"], view.Schema["Big"]];
        using var cursor = view.GetRowCursor(columns);
        var name = cursor.GetGetter<ReadOnlyMemory<char>>(columns[0]);
        var picture = cursor.GetGetter<MLImage?>(columns[1]);
        var big = cursor.GetGetter<MLImage?>(columns[2]);
        var rows = new List<(string, Image, Image)>();
        ReadOnlyMemory<char> text = default;
        MLImage? a = null, b = null;
        while (cursor.MoveNext())
        {
            name(ref text);
            picture(ref a);
            big(ref b);
            rows.Add((text.ToString(), a!.ToImage(), b!.ToImage()));
        }
        return rows;
    }

    [TestMethod]
    [DataRow(3L * 1000, 3)]
    [DataRow(1L, 1)]
    public void ACursorReadsAtMostRowBatchSizeRowsAndMaxPendingPixelsAhead(long maxPendingPixels, int expectedAhead)
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        var counting = new CountingDataView(Pictures(context, [.. Enumerable.Range(0, 7).Select(i => Random(8, 8, PixelFormat.Rgb24, i))]));
        using var transformer = context.Transforms.SuperResolve("Big", "Picture", 2,
            FromFile(TinyModelFile(folder.Path, 2), 2) with { RowBatchSize = 3, MaxPendingPixels = maxPendingPixels }).Fit(counting);
        var view = transformer.Transform(counting);

        using var cursor = view.GetRowCursor([view.Schema["Name"], view.Schema["Big"]]);
        var readAhead = new List<long>();
        while (cursor.MoveNext()) readAhead.Add(counting.ValuesRead("Name") - cursor.Position - 1);

        Assert.AreEqual(expectedAhead - 1, readAhead.Max(), "rows read beyond the current one");
        Assert.AreEqual(7, counting.ValuesRead("Name"));
        Assert.AreEqual(7, counting.ValuesRead("Picture"), "each image is read once");
    }

    [TestMethod]
    public void ACursorThatDoesNotReadTheUpscaledColumnUpscalesNothing()
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        var counting = new CountingDataView(Pictures(context, Random(8, 8, PixelFormat.Rgb24, 1), Random(8, 8, PixelFormat.Rgb24, 2)));
        using var transformer = context.Transforms.SuperResolve("Big", "Picture", 2, FromFile(TinyModelFile(folder.Path, 2), 2)).Fit(counting);

        CollectionAssert.AreEqual(new[] { "p0", "p1" }, Gan.MLNet.Tests.Images.ImageTestData.Texts(transformer.Transform(counting), "Name"));

        Assert.AreEqual(0, counting.ValuesRead("Picture"));
    }

    [TestMethod]
    public void ANullImageIsAnErrorNamingItsRowAndColumnInBothPaths()
    {
        using var folder = new TempFolder();
        var context = new MLContext();
        var data = Pictures(context, Random(8, 8, PixelFormat.Rgb24, 1), null, Random(4, 6, PixelFormat.Gray8, 2));

        using var transformer = context.Transforms.SuperResolve("Big", "Picture", 2, FromFile(TinyModelFile(folder.Path, 2), 2) with { RowBatchSize = 1 }).Fit(data);
        var batched = Assert.ThrowsExactly<InvalidColumnValueException>(() => ReadImages(transformer.Transform(data), "Big"));
        var mapper = transformer.GetRowToRowMapper(data.Schema);
        using var cursor = data.GetRowCursor(mapper.GetDependencies([mapper.OutputSchema["Big"]]));
        using var row = mapper.GetRow(cursor, [mapper.OutputSchema["Big"]]);
        var getter = row.GetGetter<MLImage>(mapper.OutputSchema["Big"]);
        MLImage value = null!;
        cursor.MoveNext();
        getter(ref value);
        Assert.AreEqual(16, value.Width, "row 0 is upscaled");
        cursor.MoveNext();
        var single = Assert.ThrowsExactly<InvalidColumnValueException>(() => getter(ref value));

        Assert.AreEqual(("Picture", 1L), (batched.ColumnName, batched.Row));
        Assert.AreEqual(("Picture", 1L), (single.ColumnName, single.Row));
    }

    [TestMethod]
    public void LoadImagesThenSuperResolveThenSaveImagesWritesUpscaledFiles()
    {
        using var folder = new TempFolder();
        string input = Directory.CreateDirectory(Path.Combine(folder.Path, "in")).FullName, output = Path.Combine(folder.Path, "out");
        var sizes = new[] { (10, 6, PixelFormat.Rgb24), (7, 7, PixelFormat.Gray8), (12, 5, PixelFormat.Rgba32) };
        for (int i = 0; i < sizes.Length; i++)
            File.WriteAllBytes(Path.Combine(input, $"img{i}.png"), Random(sizes[i].Item1, sizes[i].Item2, sizes[i].Item3, i).Encode(ImageFormat.Png));
        var context = new MLContext();
        var files = Gan.MLNet.Tests.Images.ImageTestData.Paths(context, "img0.png", "img1.png", "img2.png");

        var pipeline = context.Transforms.LoadImages("Image", input, "Path")
            .Append(context.Transforms.SuperResolve("Upscaled", "Image", scale: 2, FromFile(TinyModelFile(folder.Path, 2), 2)));
        using var model = pipeline.Fit(files);
        long written = context.Data.SaveImages(model.Transform(files), "Upscaled", output, "Path");

        Assert.AreEqual(3, written);
        for (int i = 0; i < sizes.Length; i++)
        {
            var saved = Image.Load(Path.Combine(output, $"img{i}.png"));
            Assert.AreEqual((sizes[i].Item1 * 2, sizes[i].Item2 * 2, sizes[i].Item3), (saved.Width, saved.Height, saved.Format));
        }
    }

    [TestMethod]
    public void ASavedAndLoadedModelGivesIdenticalPixelsWithoutTheModelFile()
    {
        using var folder = new TempFolder();
        string path = TinyModelFile(folder.Path, 2, seed: 7);
        var context = new MLContext();
        var data = Pictures(context, Random(11, 9, PixelFormat.Rgb24, 1), Random(8, 8, PixelFormat.Rgba32, 2), Random(5, 13, PixelFormat.Gray8, 3));
        using var transformer = context.Transforms.SuperResolve("Big", "Picture", 2, FromFile(path, 2) with { RowBatchSize = 2 }).Fit(data);
        string zip = Path.Combine(folder.Path, "upscaler.zip");
        context.Model.SaveWithNetworks(transformer, data.Schema, zip);
        File.Delete(path);

        var other = new MLContext();
        using var loaded = (SuperResolvingTransformer)other.Model.LoadWithNetworks(zip, out var schema);

        Assert.AreEqual(("Big", "Picture", 2, 2, 6), (loaded.OutputColumnName, loaded.InputColumnName, loaded.Scale, loaded.RowBatchSize, loaded.Tiling.TileSize));
        Assert.AreEqual(SuperResolveModelSource.File, loaded.ModelSource);
        var before = ReadImages(transformer.Transform(data), "Big");
        var after = ReadImages(loaded.Transform(other.Data.LoadFromEnumerable(context.Data.CreateEnumerable<PictureRow>(data, reuseRowObject: false).ToList())), "Big");
        for (int i = 0; i < before.Count; i++)
            CollectionAssert.AreEqual(before[i]!.Pixels.ToArray(), after[i]!.Pixels.ToArray(), $"row {i}");
    }

    [TestMethod]
    public void AModelFileIsUsedAsItIs()
    {
        using var folder = new TempFolder();
        string path = TinyModelFile(folder.Path, 4, seed: 3);
        var context = new MLContext();
        var image = Random(14, 9, PixelFormat.Rgb24, 5);

        using var transformer = context.Transforms.SuperResolve("Big", "Picture", 4, FromFile(path, 4)).Fit(Pictures(context, image));
        var upscaled = ReadImages(transformer.Transform(Pictures(context, image)), "Big").Single()!;

        using var network = SrResNetSerialization.Load(path);
        var expected = new SuperResolver(network, new SuperResolverOptions { TileSize = 6 }).Upscale(image);
        CollectionAssert.AreEqual(expected.Pixels.ToArray(), upscaled.Pixels.ToArray());
        Assert.AreEqual((1, 4), (transformer.NetworkOptions.BlockCount, transformer.NetworkOptions.Width));
    }

    [TestMethod]
    public void TrainInFitTrainsANetworkOnTheInputImages()
    {
        var context = new MLContext();
        var messages = new List<string>();
        var data = Pictures(context, [.. Enumerable.Range(0, 4).Select(i => Random(32, 32, PixelFormat.Rgb24, i)), null, Random(6, 6, PixelFormat.Rgb24, 9)]);
        var reports = new List<SrTrainingProgress>();
        var options = new SuperResolvingEstimator.Options
        {
            ModelSource = SuperResolveModelSource.Train,
            Network = new SrResNetOptions { BlockCount = 1, Width = 4 },
            Training = new SrTrainerOptions { Epochs = 1, StepsPerEpoch = 3, BatchSize = 2, LogEveryBatches = 0 },
            Patches = new SrPatchOptions { PatchSize = 16, ValidationPatchCount = 2 },
            Progress = new SynchronousProgress<SrTrainingProgress>(reports.Add),
            Log = messages.Add,
        };

        using var transformer = context.Transforms.SuperResolve("Big", "Picture", scale: 2, options).Fit(data);

        Assert.AreEqual(SuperResolveModelSource.Train, transformer.ModelSource);
        Assert.AreEqual((2, 1, 4), (transformer.Scale, transformer.NetworkOptions.BlockCount, transformer.NetworkOptions.Width));
        Assert.HasCount(3, reports);
        Assert.IsTrue(messages.Any(m => m.Contains("training an SRResNet ×2 on 3 images of 'Picture' (1 held out, 1 smaller than a 16-pixel patch, 1 without an image)")), string.Join("\n", messages));
        Assert.IsTrue(messages.Any(m => m.Contains("validation PSNR-Y")), "the trainer's epoch line reaches the log");
        var upscaled = ReadImages(transformer.Transform(Pictures(context, Random(32, 32, PixelFormat.Rgb24, 0))), "Big");
        Assert.AreEqual((64, 64), (upscaled[0]!.Width, upscaled[0]!.Height));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [TestMethod]
    [DataRow(2)]
    [DataRow(4)]
    public void TheBundledModelIsTheDefault(int scale)
    {
        var context = new MLContext();
        var data = Pictures(context, Random(10, 8, PixelFormat.Rgb24, 1));
        var estimator = context.Transforms.SuperResolve("Big", "Picture", scale);
        Assert.AreEqual(SuperResolveModelSource.Bundled, estimator.Settings.ModelSource);
        Assert.IsTrue(BundledSrModels.IsAvailable(scale), $"the build must embed the bundled ×{scale} model");
        using var transformer = estimator.Fit(data);

        var upscaled = ReadImages(transformer.Transform(data), "Big").Single()!;
        Assert.AreEqual((10 * scale, 8 * scale), (upscaled.Width, upscaled.Height));
    }

    [TestMethod]
    [DoNotParallelize] // the live-tensor count is process-wide: no other test may create or free tensors meanwhile
    public void DisposingTheTransformerReleasesTheNetwork()
    {
        using var folder = new TempFolder();
        string path = TinyModelFile(folder.Path, 2);
        var context = new MLContext();
        var data = Pictures(context, Random(8, 8, PixelFormat.Rgb24, 1));
        long parameters = ParameterCount(path);
        long before = LiveTensors.SettledCount();

        var transformer = context.Transforms.SuperResolve("Big", "Picture", 2, FromFile(path, 2)).Fit(data);
        ReadImages(transformer.Transform(data), "Big");
        Assert.IsGreaterThan(before, LiveTensors.Count);
        transformer.Dispose();

        // TorchSharp 0.107 counts one tensor for good for every parameter a layer creates (the one nn.Parameter wraps,
        // which it never uncounts), and frees the memory of a disposed layer's weights only when the garbage collector
        // finalizes that wrapper: the network loaded in Fit is gone once both are accounted for.
        Assert.AreEqual(before + parameters, LiveTensors.SettledCount());
    }

    private static long ParameterCount(string path)
    {
        using var network = SrResNetSerialization.Load(path);
        return network.parameters().LongCount();
    }
}
