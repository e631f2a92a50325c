using Gan.MLNet.Data;

namespace Gan.MLNet.Tests;

// Heap and allocation counters are process-wide: these measurements must not overlap other tests.
[TestClass]
[DoNotParallelize]
public sealed class StreamingMemoryTests
{
    public TestContext TestContext { get; set; } = null!;

    private sealed class StreamRow
    {
        public float A { get; set; }

        [VectorType(4)]
        public float[] V { get; set; } = [];

        public string Label { get; set; } = "";
    }

    private static IEnumerable<StreamRow> Generate(int count)
    {
        for (int i = 0; i < count; i++)
            yield return new StreamRow { A = i, V = [i, i + 1, i + 2, i + 3], Label = (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    /// <summary>Reads every row through two transforms; returns (rows, checksum, peak retained heap growth, bytes allocated).</summary>
    private static (long Rows, double Checksum, long PeakRetained, long Allocated) Pass(int count, bool materialise = false)
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(Generate(count));
        if (materialise)
            data = context.Data.Cache(data);
        var pipeline = context.Transforms.Concatenate("Features", "A", "V").Append(context.Transforms.CopyColumns("Tag", "Label"));
        var output = pipeline.Fit(data).Transform(data);

        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = 0, rows = 0;
        double checksum = 0;
        using (var cursor = output.GetRowCursor(output.Schema["Features"], output.Schema["Tag"]))
        {
            var features = cursor.GetGetter<VBuffer<float>>(output.Schema["Features"]);
            var tag = cursor.GetGetter<ReadOnlyMemory<char>>(output.Schema["Tag"]);
            VBuffer<float> vector = default;
            ReadOnlyMemory<char> text = default;
            while (cursor.MoveNext())
            {
                features(ref vector);
                tag(ref text);
                checksum += vector.GetValues()[4] + text.Length;
                // Sample what is still reachable (a full collection) a few times during the pass.
                if (++rows % (count / 4) == 0)
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }
        return (rows, checksum, peak, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    [TestMethod]
    public void MillionRowPassRunsInBoundedMemory()
    {
        var small = Pass(10_000);
        var large = Pass(1_000_000);
        TestContext.WriteLine($"10k rows: retained peak {small.PeakRetained / 1024} KiB, allocated {small.Allocated / 1024} KiB ({small.Allocated / small.Rows} B/row)");
        TestContext.WriteLine($"1M rows: retained peak {large.PeakRetained / 1024} KiB, allocated {large.Allocated / 1024} KiB ({large.Allocated / large.Rows} B/row)");

        Assert.AreEqual(1_000_000L, large.Rows);
        // Features[4] = i + 3; Tag is one character: sum over i of (i + 3 + 1).
        Assert.AreEqual(1_000_000.0 * 999_999 / 2 + 4_000_000, large.Checksum);
        // Holding the rows would retain at least 1M × (row object + 4-float array + string) ≈ 100 MB;
        // a streaming pass retains only the current row, whatever the row count.
        Assert.IsLessThan(4L * 1024 * 1024, large.PeakRetained, $"retained {large.PeakRetained} bytes");
        Assert.IsLessThan(small.PeakRetained + 1024 * 1024, large.PeakRetained);
        // The measurement can fail: a pass that materialises its rows (Cache) is caught even at a fifth of the size.
        var cached = Pass(200_000, materialise: true);
        TestContext.WriteLine($"200k rows through Cache: retained peak {cached.PeakRetained / 1024} KiB");
        Assert.IsGreaterThan(4L * 1024 * 1024, cached.PeakRetained);
        // Allocation per row does not grow with the row count (no per-row buffers in the pipeline beyond the source objects).
        Assert.IsLessThan(2.0 * small.Allocated / small.Rows + 64, (double)large.Allocated / large.Rows);
    }

    [TestMethod]
    public void ShufflingAMillionRowsHoldsOnlyThePool()
    {
        var context = new MLContext(1);
        var shuffled = context.Data.ShuffleRows(context.Data.LoadFromEnumerable(Generate(1_000_000)), seed: 2, shufflePoolSize: 1000);
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, rows = 0;
        double sum = 0;
        using (var cursor = shuffled.GetRowCursor(shuffled.Schema["A"], shuffled.Schema["V"]))
        {
            var a = cursor.GetGetter<float>(shuffled.Schema["A"]);
            var v = cursor.GetGetter<VBuffer<float>>(shuffled.Schema["V"]);
            float value = 0;
            VBuffer<float> vector = default;
            while (cursor.MoveNext())
            {
                a(ref value);
                v(ref vector);
                Assert.AreEqual(value, vector.GetValues()[0]);
                sum += value;
                if (++rows % 250_000 == 0)
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }
        TestContext.WriteLine($"ShuffleRows, 1M rows, pool 1000: retained peak {peak / 1024} KiB");
        Assert.AreEqual(1_000_000L, rows);
        Assert.AreEqual(1_000_000.0 * 999_999 / 2, sum);
        // The pool holds 1001 rows of a float and a 4-float vector: tens of KiB, not the 1M rows.
        Assert.IsLessThan(2L * 1024 * 1024, peak, $"retained {peak} bytes");
    }
}
