using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Estimator of <see cref="KeyToValueMappingTransformer"/>; nothing to learn, the values come from the key column's annotation.</summary>
public sealed class KeyToValueMappingEstimator : TrivialEstimator<KeyToValueMappingTransformer>
{
    internal KeyToValueMappingEstimator(params (string outputColumnName, string inputColumnName)[] columns)
        : base(new KeyToValueMappingTransformer(columns)) { }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var added = Transformer.ColumnPairs.Select(pair =>
        {
            var input = inputSchema.FindColumn(pair.inputColumnName);
            if (!input.IsKey)
                throw new SchemaMismatchException(input.Name, "a key or a vector of keys", input.GetTypeString());
            if (!input.Annotations.TryFindColumn(AnnotationKinds.KeyValues, out var keyValues))
                throw new SchemaMismatchException(input.Name, "a key column with a KeyValues annotation", $"{input.GetTypeString()} without one");
            return new SchemaShape.Column(pair.outputColumnName, input.Kind, keyValues.ItemType, keyValues.IsKey);
        }).ToArray();
        return new SchemaShape(inputSchema.Concat(added));
    }
}
