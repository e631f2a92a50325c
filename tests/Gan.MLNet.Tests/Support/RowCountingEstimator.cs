namespace Gan.MLNet.Tests.Support;

/// <summary>A stock-shaped estimator that records how many rows it was fitted on (and passes them through).</summary>
public sealed class RowCountingEstimator(MLContext context, string columnName) : IEstimator<ITransformer>
{
    public long RowsSeenAtFit { get; private set; } = -1;

    public ITransformer Fit(IDataView input)
    {
        var column = input.Schema[columnName];
        using var cursor = input.GetRowCursor([column]);
        long rows = 0;
        while (cursor.MoveNext()) rows++;
        RowsSeenAtFit = rows;
        return context.Transforms.CopyColumns(columnName + "Copy", columnName).Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => context.Transforms.CopyColumns(columnName + "Copy", columnName).GetOutputSchema(inputSchema);
}
