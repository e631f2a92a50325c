namespace Gan.MLNet.Data;

/// <summary>An estimator with nothing to learn: <see cref="Fit"/> checks the input schema and returns its transformer.</summary>
/// <typeparam name="TTransformer">The transformer type.</typeparam>
public abstract class TrivialEstimator<TTransformer> : IEstimator<TTransformer> where TTransformer : class, ITransformer
{
    /// <summary>Wraps <paramref name="transformer"/>.</summary>
    /// <param name="transformer">The transformer every <see cref="Fit"/> returns.</param>
    protected TrivialEstimator(TTransformer transformer)
    {
        Transformer = transformer ?? throw new ArgumentNullException(nameof(transformer));
    }

    /// <summary>The transformer every <see cref="Fit"/> returns.</summary>
    protected TTransformer Transformer { get; }

    /// <summary>Checks that <paramref name="input"/> has the columns the transformer needs, and returns it.</summary>
    /// <param name="input">The data (only its schema is used).</param>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Transformer.GetOutputSchema(input.Schema);
        return Transformer;
    }

    /// <inheritdoc />
    public abstract SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
