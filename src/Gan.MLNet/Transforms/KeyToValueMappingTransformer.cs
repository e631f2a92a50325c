using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Maps keys back to the values in their <see cref="AnnotationKinds.KeyValues"/> annotation
/// (<c>mlContext.Transforms.Conversion.MapKeyToValue</c>). Key 0 (missing) and keys beyond the annotation map to
/// the missing value: NaN for floating point, empty text, default otherwise.
/// </summary>
public sealed class KeyToValueMappingTransformer : OneToOneTransformerBase
{
    internal KeyToValueMappingTransformer(params (string outputColumnName, string inputColumnName)[] columns) : base(columns) { }

    /// <summary>The registry kind of saved MapKeyToValue transformers.</summary>
    internal const string ModelKind = "MapKeyToValue";

    /// <summary>Saves the column pairs (the values come from the input's KeyValues annotation).</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        ColumnPairsOption.Save(context, ColumnPairs);
    }

    /// <summary>Recreates a saved transformer.</summary>
    internal static ITransformer Load(ModelLoadContext context) => new KeyToValueMappingTransformer(ColumnPairsOption.Load(context));

    /// <inheritdoc />
    protected override DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn)
    {
        var valueType = ValueTypeOf(inputColumn);
        DataViewType type = inputColumn.Type is VectorDataViewType vector ? new VectorDataViewType(valueType, [.. vector.Dimensions]) : valueType;
        return new DataViewSchema.DetachedColumn(ColumnPairs[pairIndex].outputColumnName, type);
    }

    /// <inheritdoc />
    protected override Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn) =>
        ((KeyValueLookup)Activator.CreateInstance(typeof(KeyValueLookup<>).MakeGenericType(ValueTypeOf(inputColumn).RawType))!).CreateGetter(input, inputColumn);

    private static PrimitiveDataViewType ValueTypeOf(DataViewSchema.Column column)
    {
        var item = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
        if (item is not KeyDataViewType)
            throw new SchemaMismatchException(column.Name, "a key or a vector of keys", column.Type.ToString());
        var annotation = column.Annotations.Schema.GetColumnOrNull(AnnotationKinds.KeyValues);
        if (annotation is null || annotation.Value.Type is not VectorDataViewType { ItemType: var valueType })
            throw new SchemaMismatchException(column.Name, "a key column with a KeyValues annotation", $"{column.Type} without one");
        return valueType;
    }
}
