using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Images;

// Heap counters are process-wide: this measurement must not overlap other tests.
[TestClass]
[DoNotParallelize]
public sealed class ImageStreamingMemoryTests
{
    [TestMethod]
    public void APassOverManyImagesDecodesEachLazilyAndRetainsNone()
    {
        const int Rows = 80, Side = 256;
        using var folder = new TempFolder();
        for (int i = 0; i < 4; i++)
            ImageTestData.Pattern(Side, Side, i).Save(folder.File($"p{i}.png"));
        var context = new MLContext(1);
        var data = ImageTestData.Paths(context, [.. Enumerable.Range(0, Rows).Select(i => $"p{i % 4}.png")]);
        var output = context.Transforms.LoadImages("Image", folder.Path, "Path")
            .Append(context.Transforms.ResizeImages("Small", 8, 8, "Image"))
            .Append(context.Transforms.ExtractPixels("Pixels", "Small"))
            .Fit(data).Transform(data);

        long decodedBytes = (long)Rows * Side * Side * 3;
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = 0, rows = 0;
        double checksum = 0;
        using (var cursor = output.GetRowCursor(output.Schema["Pixels"]))
        {
            var pixels = cursor.GetGetter<VBuffer<float>>(output.Schema["Pixels"]);
            VBuffer<float> vector = default;
            while (cursor.MoveNext())
            {
                pixels(ref vector);
                checksum += vector.GetValues()[0];
                if (++rows % 20 == 0)
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.AreEqual(Rows, rows);
        Assert.IsGreaterThan(0.0, checksum);
        Assert.IsGreaterThanOrEqualTo(decodedBytes, allocated, "every row was decoded (nothing was cached)");
        Assert.IsLessThan(decodedBytes / 10, peak, $"retained {peak} bytes while decoding {decodedBytes}");
    }
}
