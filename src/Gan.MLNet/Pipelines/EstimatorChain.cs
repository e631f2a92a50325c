namespace Gan.MLNet.Data;

/// <summary>
/// Estimators fitted in order. <see cref="Fit"/> first checks the whole pipeline's schema, then fits each estimator
/// on the data produced by the transformers fitted before it — using their training-time mapping
/// (<see cref="ITransformerWithDifferentMappingAtTrainingTime"/>) where they have one.
/// </summary>
/// <typeparam name="TLastTransformer">The transformer type of the last estimator.</typeparam>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>
    where TLastTransformer : class, ITransformer
{
    private readonly IEstimator<ITransformer>[] _estimators;
    private readonly TransformerScope[] _scopes;
    private readonly bool[] _cacheAfter;

    /// <summary>An empty chain; add estimators with <see cref="Append{TNewTrans}"/>.</summary>
    public EstimatorChain() : this([], [], []) { }

    private EstimatorChain(IEstimator<ITransformer>[] estimators, TransformerScope[] scopes, bool[] cacheAfter)
    {
        _estimators = estimators;
        _scopes = scopes;
        _cacheAfter = cacheAfter;
        LastEstimator = estimators.Length == 0 ? null! : (IEstimator<TLastTransformer>)estimators[^1];
    }

    /// <summary>The last estimator (null for an empty chain).</summary>
    public IEstimator<TLastTransformer> LastEstimator { get; }

    /// <summary>The estimators, in order.</summary>
    public IReadOnlyList<IEstimator<ITransformer>> Estimators => _estimators;

    /// <summary>A new chain with <paramref name="estimator"/> added at the end.</summary>
    /// <param name="estimator">The estimator to add.</param>
    /// <param name="scope">When its transformer is part of the model.</param>
    public EstimatorChain<TNewTrans> Append<TNewTrans>(IEstimator<TNewTrans> estimator, TransformerScope scope = TransformerScope.Everything)
        where TNewTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TNewTrans>([.. _estimators, estimator], [.. _scopes, scope], [.. _cacheAfter, false]);
    }

    /// <summary>
    /// A new chain whose data, while fitting, is cached in memory after the last estimator so far: the estimators
    /// that follow read it as many times as they need without recomputing the steps before.
    /// </summary>
    /// <param name="context">The context (kept for ML.NET's call shape).</param>
    public EstimatorChain<TLastTransformer> AppendCacheCheckpoint(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_estimators.Length == 0)
            throw new InvalidOperationException("A cache checkpoint needs an estimator before it; cache the input data with mlContext.Data.Cache instead.");
        var cacheAfter = _cacheAfter.ToArray();
        cacheAfter[^1] = true;
        return new EstimatorChain<TLastTransformer>(_estimators, _scopes, cacheAfter);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var shape = inputSchema;
        foreach (var estimator in _estimators)
            shape = estimator.GetOutputSchema(shape);
        return shape;
    }

    /// <summary>Fits every estimator in order; on failure, the transformers already fitted are disposed.</summary>
    /// <param name="input">The training data.</param>
    public TransformerChain<TLastTransformer> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var fitted = new List<ITransformer>();
        try
        {
            var data = input;
            for (int i = 0; i < _estimators.Length; i++)
            {
                var transformer = _estimators[i].Fit(data);
                fitted.Add(transformer);
                if (i == _estimators.Length - 1)
                    break;
                data = transformer is ITransformerWithDifferentMappingAtTrainingTime training
                    ? training.TransformForTrainingPipeline(data)
                    : transformer.Transform(data);
                if (_cacheAfter[i])
                    data = new CacheDataView(data);
            }
        }
        catch
        {
            foreach (var transformer in fitted)
                (transformer as IDisposable)?.Dispose();
            throw;
        }
        return new TransformerChain<TLastTransformer>(fitted, _scopes);
    }
}
