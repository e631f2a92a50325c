using Gan.MLNet.Transforms;
using Gan.Models.Gans;
using Gan.Models.Training;

namespace Gan.MLNet.Tests.Gans;

/// <summary>Small tabular data and tiny GAN settings, so GanGenerate tests train in well under a second.</summary>
internal static class GanGenerateTestData
{
    public sealed class Row
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public string Species { get; set; } = "";

        public float Weight { get; set; }
    }

    public sealed class GeneratedRow
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        [ColumnName("Species")]
        public uint SpeciesKey { get; set; }

        public bool IsSynthetic { get; set; }
    }

    /// <summary>30 "a", 20 "b", 10 "c" rows whose features sit around a per-class centre, on scales from 1 to 1000.</summary>
    public static IEnumerable<Row> Rows()
    {
        string[] species = ["a", "b", "c"];
        int[] counts = [30, 20, 10];
        var random = new Random(3);
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < counts[c]; i++)
                yield return new Row
                {
                    Features = [c + (float)random.NextDouble(), 10 * c + (float)random.NextDouble(), 100f, 1000 * (float)random.NextDouble()],
                    Species = species[c],
                    Weight = i,
                };
    }

    public static GanGeneratingEstimator.Options Options(string? label = "Species") => new()
    {
        OutputColumnName = "Features",
        LabelColumnName = label,
        Kind = label is null ? GanKind.Vanilla : GanKind.Conditional,
        Model = new GanOptions { LatentSize = 8, GeneratorWidth = 4, DiscriminatorWidth = 4 },
        Training = new GanTrainerOptions { Epochs = 2, BatchSize = 16, Seed = 5 },
    };

    /// <summary>The rows with Species mapped to a key, ready for GanGenerate.</summary>
    public static IDataView Keyed(MLContext context)
    {
        var data = context.Data.LoadFromEnumerable(Rows().ToList());
        return context.Transforms.Conversion.MapValueToKey("Species").Fit(data).Transform(data);
    }

    /// <summary>
    /// Saves <paramref name="transformer"/> with Model.Save and loads it into a fresh MLContext; returns that context,
    /// the loaded model (dispose it) and the GanGenerate transformer inside it.
    /// </summary>
    public static (MLContext Context, ITransformer Loaded, GanGeneratingTransformer Transformer) SaveAndLoad(
        MLContext context, GanGeneratingTransformer transformer, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        context.Model.SaveWithNetworks(transformer, schema, stream);
        stream.Position = 0;
        var other = new MLContext();
        var loaded = other.Model.LoadWithNetworks(stream, out _);
        var copy = loaded as GanGeneratingTransformer ?? ((TransformerChain<ITransformer>)loaded).LastTransformer as GanGeneratingTransformer;
        Assert.IsNotNull(copy);
        return (other, loaded, copy);
    }
}
