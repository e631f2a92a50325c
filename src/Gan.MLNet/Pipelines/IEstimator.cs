namespace Gan.MLNet;

/// <summary>An unfitted step of a pipeline: learns from data (<see cref="Fit"/>) and returns the fitted <typeparamref name="TTransformer"/>.</summary>
/// <typeparam name="TTransformer">The transformer produced; covariant, so any estimator is an <c>IEstimator&lt;ITransformer&gt;</c>.</typeparam>
public interface IEstimator<out TTransformer> where TTransformer : ITransformer
{
    /// <summary>Learns from <paramref name="input"/> and returns the fitted transformer.</summary>
    /// <param name="input">The training data.</param>
    TTransformer Fit(IDataView input);

    /// <summary>The shape of the output for an input of shape <paramref name="inputSchema"/>, checked without data.</summary>
    /// <param name="inputSchema">The input shape.</param>
    /// <exception cref="ColumnNotFoundException">An input column is missing.</exception>
    /// <exception cref="SchemaMismatchException">An input column has a type the estimator cannot use.</exception>
    SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
