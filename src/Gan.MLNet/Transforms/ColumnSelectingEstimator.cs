using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Estimator of <see cref="ColumnSelectingTransformer"/> (<c>SelectColumns</c>, <c>DropColumns</c>).</summary>
public sealed class ColumnSelectingEstimator : TrivialEstimator<ColumnSelectingTransformer>
{
    internal ColumnSelectingEstimator(string[] columnNames, bool keep) : base(new ColumnSelectingTransformer(columnNames, keep)) { }

    /// <inheritdoc />
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var named = Transformer.ColumnNames.Select(inputSchema.FindColumn).ToArray();
        return new SchemaShape(Transformer.KeepColumns ? named : inputSchema.Where(c => !Transformer.ColumnNames.Contains(c.Name)));
    }
}
