using Gan.MLNet.Data;

namespace Gan.MLNet.Tests.Support;

/// <summary>An estimator that records how many rows it was fitted on and returns a transformer that copies Features.</summary>
public sealed class RowCountingEstimator : IEstimator<ITransformer>
{
    public long RowsSeenAtFit { get; private set; } = -1;

    public ITransformer Fit(IDataView input)
    {
        using var cursor = input.GetRowCursor(input.Schema);
        RowsSeenAtFit = 0;
        while (cursor.MoveNext()) RowsSeenAtFit++;
        return new Gan.MLNet.Transforms.ColumnCopyingTransformer(("FeaturesCopy", "Features"));
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
}
