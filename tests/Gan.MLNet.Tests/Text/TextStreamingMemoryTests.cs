using System.Globalization;
using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Text;

// Heap counters are process-wide: these measurements must not overlap other tests.
[TestClass]
[DoNotParallelize]
public sealed class TextStreamingMemoryTests
{
    public TestContext TestContext { get; set; } = null!;

    private static string WriteFile(TempFolder folder, int lines)
    {
        string path = folder.File($"big-{lines}.csv");
        using var writer = new StreamWriter(path);
        writer.WriteLine("Id,Label,A,B,C");
        for (int i = 0; i < lines; i++)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i},label{i % 10},{i * 0.5},{i + 1},{i + 2}"));
        return path;
    }

    /// <summary>Reads every row; returns (rows, checksum, peak retained heap growth).</summary>
    private static (long Rows, double Checksum, long PeakRetained) Pass(string path, int count, bool materialise = false)
    {
        var context = new MLContext();
        IDataView data = context.Data.LoadFromTextFile(path, [new TextLoader.Column("Id", DataKind.Int64, 0), new TextLoader.Column("Label", DataKind.String, 1), new TextLoader.Column("Values", DataKind.Single, 2, 4)], ',', hasHeader: true);
        if (materialise)
            data = context.Data.Cache(data);
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, rows = 0;
        double checksum = 0;
        using (var cursor = data.GetRowCursor(data.Schema["Id"], data.Schema["Label"], data.Schema["Values"]))
        {
            var id = cursor.GetGetter<long>(data.Schema["Id"]);
            var label = cursor.GetGetter<ReadOnlyMemory<char>>(data.Schema["Label"]);
            var values = cursor.GetGetter<VBuffer<float>>(data.Schema["Values"]);
            long idValue = 0;
            ReadOnlyMemory<char> text = default;
            VBuffer<float> vector = default;
            while (cursor.MoveNext())
            {
                id(ref idValue);
                label(ref text);
                values(ref vector);
                checksum += idValue + vector.GetValues()[2] + text.Length;
                if (++rows % (count / 4) == 0)
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }
        return (rows, checksum, peak);
    }

    [TestMethod]
    public void ReadingALargeFileHoldsBoundedMemory()
    {
        using var folder = new TempFolder();
        const int Large = 200_000;
        var small = Pass(WriteFile(folder, 10_000), 10_000);
        string largePath = WriteFile(folder, Large);
        var large = Pass(largePath, Large);
        TestContext.WriteLine($"10k lines: retained peak {small.PeakRetained / 1024} KiB; 200k lines: {large.PeakRetained / 1024} KiB");

        Assert.AreEqual((long)Large, large.Rows);
        // Id + (i + 2) + "labelN".Length summed over i.
        Assert.AreEqual(2.0 * Large * (Large - 1) / 2 + 2.0 * Large + 6.0 * Large, large.Checksum);
        // 200k rows of a long, a label and 3 floats would retain well over 10 MB; streaming keeps one line and the read buffer.
        Assert.IsLessThan(2L * 1024 * 1024, large.PeakRetained, $"retained {large.PeakRetained} bytes");
        Assert.IsLessThan(small.PeakRetained + 512 * 1024, large.PeakRetained);
        // The measurement can fail: caching the same file retains its rows.
        var cached = Pass(largePath, Large, materialise: true);
        TestContext.WriteLine($"200k lines through Cache: retained peak {cached.PeakRetained / 1024} KiB");
        Assert.IsGreaterThan(4L * 1024 * 1024, cached.PeakRetained);
    }
}
