using Gan.Imaging;

namespace Gan.MLNet.Tests.Images;

/// <summary>Synthetic images and column readers for the image transform tests.</summary>
internal static class ImageTestData
{
    public sealed class PathRow
    {
        public string Path { get; set; } = "";
    }

    public sealed class ImageRow
    {
        public string Name { get; set; } = "";
        public MLImage? Picture { get; set; }
    }

    /// <summary>A width × height RGB image whose every byte is distinct-ish: (x·31 + y·17 + c·7 + seed) mod 256.</summary>
    public static Image Pattern(int width, int height, int seed = 0, PixelFormat format = PixelFormat.Rgb24)
    {
        int channels = format.ChannelCount();
        var bytes = new byte[width * height * channels];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < channels; c++)
                    bytes[(y * width + x) * channels + c] = (byte)((x * 31 + y * 17 + c * 7 + seed * 13) % 256);
        return Image.FromPixels(width, height, format, bytes);
    }

    public static IDataView Paths(MLContext context, params string[] paths) =>
        context.Data.LoadFromEnumerable(paths.Select(p => new PathRow { Path = p }));

    public static List<TOut> Column<T, TOut>(IDataView data, string name, Func<T, TOut> keep)
    {
        var column = data.Schema[name];
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        var values = new List<TOut>();
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(keep(value));
        }
        return values;
    }

    /// <summary>The column's images, copied while their cursor is on their row (ML.NET's image stages dispose them when it moves).</summary>
    public static List<Image?> Images(IDataView data, string name) => Column<MLImage?, Image?>(data, name, v => v?.ToImage());

    public static List<float[]> Vectors(IDataView data, string name) => Column<VBuffer<float>, float[]>(data, name, v => v.DenseValues().ToArray());

    public static List<string> Texts(IDataView data, string name) => Column<ReadOnlyMemory<char>, string>(data, name, v => v.ToString());
}
