using System.Collections;

namespace Gan.MLNet.Data;

/// <summary>
/// Fitted transformers applied in order, each with a <see cref="TransformerScope"/>. <see cref="Transform"/> applies
/// them all; <see cref="GetModelFor"/> keeps those of one scope (for example the scoring model without label steps).
/// Disposing the chain disposes its parts, so a chain built with <see cref="GetModelFor"/> or
/// <see cref="Append{TNewLast}"/> shares (and on disposal releases) the same parts.
/// </summary>
/// <typeparam name="TLastTransformer">The type of the last transformer.</typeparam>
public sealed class TransformerChain<TLastTransformer> : ITransformerWithDifferentMappingAtTrainingTime, IEnumerable<ITransformer>, IDisposable
    where TLastTransformer : class, ITransformer
{
    private readonly ITransformer[] _transformers;
    private readonly TransformerScope[] _scopes;
    private bool _disposed;

    /// <summary>Chains <paramref name="transformers"/>, all with scope <see cref="TransformerScope.Everything"/>.</summary>
    /// <param name="transformers">The transformers; the last must be a <typeparamref name="TLastTransformer"/>.</param>
    public TransformerChain(params ITransformer[] transformers)
        : this(transformers, transformers.Select(_ => TransformerScope.Everything))
    {
    }

    /// <summary>Chains <paramref name="transformers"/> with their scopes.</summary>
    /// <param name="transformers">The transformers; the last must be a <typeparamref name="TLastTransformer"/>.</param>
    /// <param name="scopes">One scope per transformer.</param>
    public TransformerChain(IEnumerable<ITransformer> transformers, IEnumerable<TransformerScope> scopes)
    {
        _transformers = transformers.ToArray();
        _scopes = scopes.ToArray();
        if (_transformers.Length != _scopes.Length)
            throw new ArgumentException($"{_transformers.Length} transformers but {_scopes.Length} scopes.", nameof(scopes));
        if (_transformers.Length > 0 && _transformers[^1] is not TLastTransformer)
            throw new ArgumentException($"The last transformer is a {_transformers[^1].GetType().Name}, not a {typeof(TLastTransformer).Name}.", nameof(transformers));
        LastTransformer = _transformers.Length == 0 ? null! : (TLastTransformer)_transformers[^1];
    }

    /// <summary>The last transformer (null for an empty chain).</summary>
    public TLastTransformer LastTransformer { get; }

    /// <summary>The scope of each transformer, in order.</summary>
    public IReadOnlyList<TransformerScope> Scopes => _scopes;

    /// <inheritdoc />
    public bool IsRowToRowMapper => _transformers.All(t => t.IsRowToRowMapper);

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        var schema = inputSchema;
        foreach (var transformer in _transformers)
            schema = transformer.GetOutputSchema(schema);
        return schema;
    }

    /// <summary>Applies every transformer (whatever its scope), lazily.</summary>
    /// <param name="input">The data.</param>
    public IDataView Transform(IDataView input)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        GetOutputSchema(input.Schema);
        var data = input;
        foreach (var transformer in _transformers)
            data = transformer.Transform(data);
        return data;
    }

    /// <summary>Applies every transformer with its training-time mapping, so a chain nested in a pipeline keeps its parts' training behaviour.</summary>
    /// <param name="input">The data.</param>
    public IDataView TransformForTrainingPipeline(IDataView input)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var data = input;
        foreach (var transformer in _transformers)
            data = transformer is ITransformerWithDifferentMappingAtTrainingTime training ? training.TransformForTrainingPipeline(data) : transformer.Transform(data);
        return data;
    }

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        if (!IsRowToRowMapper)
            throw new InvalidOperationException($"The chain is not row-to-row: {string.Join(", ", _transformers.Where(t => !t.IsRowToRowMapper).Select(t => t.GetType().Name))} change the number of rows.");
        var mappers = new List<IRowToRowMapper>();
        var schema = inputSchema;
        foreach (var transformer in _transformers)
        {
            var mapper = transformer.GetRowToRowMapper(schema);
            mappers.Add(mapper);
            schema = mapper.OutputSchema;
        }
        return new CompositeRowToRowMapper(inputSchema, mappers);
    }

    /// <summary>A chain of this chain's transformers whose scope intersects <paramref name="scopeFilter"/>.</summary>
    /// <param name="scopeFilter">The scopes to keep.</param>
    public TransformerChain<ITransformer> GetModelFor(TransformerScope scopeFilter)
    {
        var kept = _transformers.Zip(_scopes).Where(p => (p.Second & scopeFilter) != 0).ToArray();
        return new TransformerChain<ITransformer>(kept.Select(p => p.First), kept.Select(p => p.Second));
    }

    /// <summary>A new chain with <paramref name="transformer"/> added at the end.</summary>
    /// <param name="transformer">The transformer to add.</param>
    /// <param name="scope">When it is part of the model.</param>
    public TransformerChain<TNewLast> Append<TNewLast>(TNewLast transformer, TransformerScope scope = TransformerScope.Everything)
        where TNewLast : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return new TransformerChain<TNewLast>(_transformers.Append(transformer), _scopes.Append(scope));
    }

    /// <summary>The registry kind of saved chains.</summary>
    internal const string ModelKind = "TransformerChain";

    /// <summary>Saves the chain: each part, in order, with its scope.</summary>
    /// <param name="context">Where to write.</param>
    /// <exception cref="NotSupportedException">A part cannot be saved.</exception>
    public void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ObjectDisposedException.ThrowIf(_disposed, this);
        context.Kind = ModelKind;
        for (int i = 0; i < _transformers.Length; i++)
            context.AddPart(_transformers[i], _scopes[i]);
    }

    /// <summary>Recreates a saved chain (as a chain of <see cref="ITransformer"/>).</summary>
    internal static ITransformer Load(ModelLoadContext context)
    {
        var parts = context.LoadParts();
        return new TransformerChain<ITransformer>(parts.Select(p => p.Transformer), parts.Select(p => p.Scope));
    }

    /// <inheritdoc />
    public IEnumerator<ITransformer> GetEnumerator() => ((IEnumerable<ITransformer>)_transformers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Disposes every part that is disposable.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        foreach (var transformer in _transformers)
            (transformer as IDisposable)?.Dispose();
    }
}
