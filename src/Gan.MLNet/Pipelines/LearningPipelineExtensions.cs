using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>Building pipelines by appending: <c>estimator.Append(other)</c> works from any estimator or transformer.</summary>
public static class LearningPipelineExtensions
{
    /// <summary>A chain of <paramref name="start"/> followed by <paramref name="estimator"/>.</summary>
    /// <param name="start">The first estimator (any estimator, by covariance).</param>
    /// <param name="estimator">The estimator to add.</param>
    /// <param name="scope">When <paramref name="estimator"/>'s transformer is part of the model.</param>
    public static EstimatorChain<TTrans> Append<TTrans>(this IEstimator<ITransformer> start, IEstimator<TTrans> estimator, TransformerScope scope = TransformerScope.Everything)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        return new EstimatorChain<ITransformer>().Append(start).Append(estimator, scope);
    }

    /// <summary>A chain of <paramref name="start"/> followed by <paramref name="transformer"/>.</summary>
    /// <param name="start">The first transformer.</param>
    /// <param name="transformer">The transformer to add.</param>
    public static TransformerChain<TTrans> Append<TTrans>(this ITransformer start, TTrans transformer)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(transformer);
        return new TransformerChain<TTrans>(start, transformer);
    }

    /// <summary>A chain of <paramref name="start"/> whose output is cached in memory while the pipeline is fitted.</summary>
    /// <param name="start">The estimator whose output to cache.</param>
    /// <param name="context">The context.</param>
    public static EstimatorChain<TTrans> AppendCacheCheckpoint<TTrans>(this IEstimator<TTrans> start, MLContext context)
        where TTrans : class, ITransformer =>
        new EstimatorChain<ITransformer>().Append(start).AppendCacheCheckpoint(context);
}
