using Gan.Imaging;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Gan.MLNet.Transforms;

/// <summary>The learned column (and labels) of a view, read once into arrays ready to become training tensors.</summary>
internal sealed class GanTrainingData
{
    private GanTrainingData(GanSampleFormat format, float[] samples, long[]? labels, string[] classNames, int rows)
    {
        Format = format;
        Samples = samples;
        Labels = labels;
        ClassNames = classNames;
        Rows = rows;
    }

    public GanSampleFormat Format { get; }

    /// <summary>Rows × sample size values in [−1, 1], channel-major per image.</summary>
    public float[] Samples { get; }

    /// <summary>0-based class of each row, or null when unlabelled.</summary>
    public long[]? Labels { get; }

    public string[] ClassNames { get; }

    public int Rows { get; }

    /// <summary>Reads <paramref name="sampleColumnName"/> (fixed-size images or Single vectors) and the optional key label column.</summary>
    /// <exception cref="ColumnNotFoundException">A column is missing.</exception>
    /// <exception cref="SchemaMismatchException">A column has a type GanGenerate cannot learn from.</exception>
    /// <exception cref="InvalidColumnValueException">A row has no image, a missing label or a non-finite value (the message names row and column).</exception>
    public static GanTrainingData Read(IDataView data, string sampleColumnName, string? labelColumnName)
    {
        var schema = data.Schema;
        var sample = schema.GetColumnOrNull(sampleColumnName) ?? throw new ColumnNotFoundException(sampleColumnName, schema);
        DataViewSchema.Column? label = null;
        string[] classNames = [];
        if (labelColumnName is not null)
        {
            label = schema.GetColumnOrNull(labelColumnName) ?? throw new ColumnNotFoundException(labelColumnName, schema);
            var key = KeyNames.RequireKey(label.Value, "at least 2 classes (use MapValueToKey)");
            if (key.Count < 2 || key.Count > int.MaxValue)
                throw new SchemaMismatchException(labelColumnName, "a UInt32 key column of at least 2 classes (use MapValueToKey)", label.Value.Type.ToString());
            classNames = KeyNames.Read(label.Value, (int)key.Count);
        }
        return sample.Type switch
        {
            ImageDataViewType { Height: > 0, Width: > 0 } image => ReadImages(data, sample, image, label, classNames),
            VectorDataViewType { IsKnownSize: true, Dimensions.Length: 1 } vector when vector.ItemType == NumberDataViewType.Single
                => ReadVectors(data, sample, vector.Size, label, classNames),
            _ => throw new SchemaMismatchException(sampleColumnName, "an image column of fixed size (ResizeImages) or a Single vector of fixed length", sample.Type.ToString()),
        };
    }

    private static GanTrainingData ReadImages(IDataView data, DataViewSchema.Column column, ImageDataViewType type, DataViewSchema.Column? label, string[] classNames)
    {
        // Gray images stay one channel; anything with color trains as RGB (alpha is dropped). The MLImages are
        // borrowed from the cursor: their pixels are copied before it moves.
        var images = new List<Image>();
        var labels = label is null ? null : new List<long>();
        ForEachRow<MLImage?>(data, column, label, (image, position) =>
        {
            if (image is null) throw new InvalidColumnValueException(column.Name, position, "the image is missing");
            if (image.Width != type.Width || image.Height != type.Height)
                throw new InvalidColumnValueException(column.Name, position, $"the image is {image.Width}×{image.Height}, the column type says {type.Width}×{type.Height}");
            images.Add(MLImageConversion.ToImage(image));
        }, labels);
        if (images.Count == 0) throw new ArgumentException($"GanGenerate: the column '{column.Name}' has no rows to learn from", nameof(data));
        int channels = images.All(i => i.Format == PixelFormat.Gray8) ? 1 : 3;
        var format = GanSampleFormat.ForImages(channels, type.Height, type.Width);
        int size = format.SampleSize;
        var samples = new float[(long)images.Count * size];
        for (int i = 0; i < images.Count; i++)
            format.ImageToSample(images[i], samples.AsSpan(i * size, size));
        return new GanTrainingData(format, samples, labels?.ToArray(), classNames, images.Count);
    }

    private static GanTrainingData ReadVectors(IDataView data, DataViewSchema.Column column, int size, DataViewSchema.Column? label, string[] classNames)
    {
        var rows = new List<float[]>();
        var labels = label is null ? null : new List<long>();
        ForEachRow<VBuffer<float>>(data, column, label, (vector, position) =>
        {
            var values = vector.DenseValues().ToArray();
            if (values.Length != size) throw new InvalidColumnValueException(column.Name, position, $"the vector has {values.Length} values, the column type says {size}");
            int bad = Array.FindIndex(values, v => !float.IsFinite(v));
            if (bad >= 0) throw new InvalidColumnValueException(column.Name, position, $"slot {bad} is {values[bad]}");
            rows.Add(values);
        }, labels);
        if (rows.Count == 0) throw new ArgumentException($"GanGenerate: the column '{column.Name}' has no rows to learn from", nameof(data));
        var minimum = new float[size];
        var maximum = new float[size];
        for (int j = 0; j < size; j++)
        {
            minimum[j] = rows.Min(r => r[j]);
            maximum[j] = rows.Max(r => r[j]);
        }
        var format = GanSampleFormat.ForVectors(minimum, maximum);
        var samples = new float[(long)rows.Count * size];
        for (int i = 0; i < rows.Count; i++)
            format.VectorToSample(rows[i], samples.AsSpan(i * size, size));
        return new GanTrainingData(format, samples, labels?.ToArray(), classNames, rows.Count);
    }

    private static void ForEachRow<T>(IDataView data, DataViewSchema.Column column, DataViewSchema.Column? label, Action<T, long> consume, List<long>? labels)
    {
        DataViewSchema.Column[] needed = label is null ? [column] : [column, label.Value];
        using var cursor = data.GetRowCursor(needed);
        var sampleGetter = cursor.GetGetter<T>(column);
        T value = default!;
        var keyGetter = label is null ? null : cursor.GetGetter<uint>(label.Value);
        ulong classes = label is null ? 0 : ((KeyDataViewType)label.Value.Type).Count;
        uint key = 0;
        while (cursor.MoveNext())
        {
            if (keyGetter is not null)
            {
                keyGetter(ref key);
                if (key == 0 || key > classes)
                    throw new InvalidColumnValueException(label!.Value.Name, cursor.Position, key == 0 ? "the label is missing" : $"key {key} is outside 1..{classes}");
                labels!.Add(key - 1);
            }
            sampleGetter(ref value);
            consume(value, cursor.Position);
        }
    }
}
