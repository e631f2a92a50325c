using System.IO.Compression;
using System.Text;
using Gan.MLNet.Data;
using Gan.MLNet.Transforms;

namespace Gan.MLNet.Tests.Persistence;

/// <summary>A chain using every built-in transformer, its input data, and helpers to inspect and tamper with model zips.</summary>
internal static class ModelFixture
{
    public sealed class Row
    {
        public int Id;
        public string Label = "";
        public float Value;
        public double Weight;
        public long Big;
        public bool Flag;

        [VectorType(3)]
        public float[] Vector = [];
    }

    public static Row[] Rows(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new Row
        {
            Id = i,
            Label = new[] { "alpha", "beta, \"gamma\"", "δ" }[i % 3],
            Value = i % 4 == 3 ? float.NaN : i % 5 * 0.5f,
            Weight = -i * 1e-3,
            Big = (long)i << 33,
            Flag = i % 2 == 0,
            Vector = [i, -i, i * 0.25f],
        }),
    ];

    /// <summary>The input of the model: the rows with a key column "Category" (learned from Label) that carries KeyValues.</summary>
    public static IDataView Input(MLContext context, int count = 30)
    {
        var rows = context.Data.LoadFromEnumerable(Rows(count));
        return context.Transforms.Conversion.MapValueToKey("Category", "Label").Fit(rows).Transform(rows);
    }

    public static TransformerChain<ITransformer> FitChain(MLContext context, IDataView input)
    {
        var pipeline = context.Transforms.Conversion.MapValueToKey("ValueKey", "Value", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(context.Transforms.Conversion.MapValueToKey("LabelKey", "Label", addKeyValueAnnotationsAsText: true))
            .Append(context.Transforms.Conversion.MapValueToKey("VectorKeys", "Vector"))
            .Append(context.Transforms.Conversion.MapValueToKey(outputColumnName: "FlagKey", inputColumnName: "Flag"))
            .Append(context.Transforms.Conversion.MapKeyToValue("CategoryText", "Category"))
            .Append(context.Transforms.Conversion.MapKeyToValue("ValueBack", "ValueKey"))
            .Append(context.Transforms.Concatenate("Features", "Value", "Vector"), TransformerScope.Everything)
            .Append(context.Transforms.CopyColumns("LabelCopy", "Label"), TransformerScope.TrainTest)
            .Append(context.Transforms.DropColumns("Id"), TransformerScope.Scoring)
            .Append(context.Transforms.SelectColumns("Category", "ValueKey", "LabelKey", "VectorKeys", "FlagKey", "CategoryText", "ValueBack", "Features", "LabelCopy", "Weight", "Big"));
        var fitted = pipeline.Fit(input);
        return new TransformerChain<ITransformer>(fitted, fitted.Scopes);
    }

    /// <summary>Every value of every column, as text (exact: numbers round-trip).</summary>
    public static string Dump(MLContext context, IDataView data)
    {
        using var stream = new MemoryStream();
        context.Data.SaveAsText(data, stream, ',');
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Names, types (with sizes and key counts) and recorded annotations with their values.</summary>
    public static string Describe(DataViewSchema schema) => string.Join("\n", schema.Select(column =>
        $"{column.Name}{(column.IsHidden ? " (hidden)" : "")}: {column.Type}"
        + string.Concat(column.Annotations.Schema.Select(a => $" [{a.Name}: {a.Type} = {Encoding.UTF8.GetString(ValueListText.For(((VectorDataViewType)a.Type).ItemType).WriteAnnotation(column.Annotations, a.Name))}]"))));

    /// <summary>Changes a saved model's zip in place.</summary>
    public static void Rewrite(string path, Action<ZipArchive> change)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        change(zip);
    }

    public static string ReadText(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    public static void WriteText(ZipArchive zip, string name, string content)
    {
        zip.GetEntry(name)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open());
        writer.Write(content);
    }
}
