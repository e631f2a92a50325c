using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Estimator of <see cref="ColumnConcatenatingTransformer"/> (<c>mlContext.Transforms.Concatenate</c>).</summary>
public sealed class ColumnConcatenatingEstimator : TrivialEstimator<ColumnConcatenatingTransformer>
{
    internal ColumnConcatenatingEstimator(string outputColumnName, params string[] inputColumnNames)
        : base(new ColumnConcatenatingTransformer(outputColumnName, inputColumnNames)) { }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var inputs = Transformer.InputColumnNames.Select(inputSchema.FindColumn).ToArray();
        var first = inputs[0];
        if (first.ItemType is not PrimitiveDataViewType)
            throw new SchemaMismatchException(first.Name, "a scalar or vector of numbers, booleans, text or keys", first.GetTypeString());
        foreach (var input in inputs.Skip(1))
        {
            if (!input.ItemType.Equals(first.ItemType) || input.IsKey != first.IsKey)
                throw new SchemaMismatchException(input.Name, $"{first.ItemType} or a vector of {first.ItemType} (the item type of '{first.Name}')", input.GetTypeString());
        }
        var kind = inputs.Any(c => c.Kind == SchemaShape.Column.VectorKind.VariableVector)
            ? SchemaShape.Column.VectorKind.VariableVector
            : SchemaShape.Column.VectorKind.Vector;
        return new SchemaShape(inputSchema.Append(new SchemaShape.Column(Transformer.OutputColumnName, kind, first.ItemType, first.IsKey)));
    }
}
