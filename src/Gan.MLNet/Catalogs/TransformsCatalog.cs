namespace Gan.MLNet;

/// <summary>
/// Transforms (<c>mlContext.Transforms</c>). Each transform is an extension method returning an estimator, as in
/// ML.NET: Concatenate, CopyColumns, DropColumns, SelectColumns here, conversions under <see cref="Conversion"/>.
/// </summary>
public sealed class TransformsCatalog
{
    internal TransformsCatalog(MLContext context)
    {
        Context = context;
        Conversion = new ConversionTransforms(this);
    }

    internal MLContext Context { get; }

    /// <summary>Conversions between value and key columns.</summary>
    public ConversionTransforms Conversion { get; }

    /// <summary>The catalog of conversions (<c>mlContext.Transforms.Conversion</c>): MapValueToKey, MapKeyToValue.</summary>
    public sealed class ConversionTransforms
    {
        internal ConversionTransforms(TransformsCatalog owner) => Context = owner.Context;

        internal MLContext Context { get; }
    }
}
