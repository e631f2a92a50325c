using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>
/// The closed set of component kinds a context can load (<c>mlContext.Model.Components</c>): a kind name written in
/// the model file selects a loader registered here in code; the file can never name a .NET type. The built-in
/// transformers are registered from the start; other assemblies add theirs explicitly, for example at startup:
/// <code>mlContext.Model.Components.Register("GanGenerate", GanGenerateTransformer.Load);</code>
/// </summary>
public sealed class ModelComponentRegistry
{
    private readonly Dictionary<string, ModelComponentLoader> _loaders = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    internal ModelComponentRegistry() => BuiltInModelComponents.RegisterAll(this);

    /// <summary>The registered kinds, in ordinal order.</summary>
    public IReadOnlyList<string> Kinds
    {
        get
        {
            lock (_lock)
                return [.. _loaders.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Registers the loader of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind name components of this type write (a fixed string, such as "CopyColumns").</param>
    /// <param name="loader">Recreates the component.</param>
    /// <exception cref="ArgumentException">The kind is already registered (a kind has exactly one loader).</exception>
    public void Register(string kind, ModelComponentLoader loader)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(loader);
        lock (_lock)
        {
            if (!_loaders.TryAdd(kind, loader))
                throw new ArgumentException($"Component kind '{kind}' is already registered.", nameof(kind));
        }
    }

    /// <summary>Whether <paramref name="kind"/> is registered.</summary>
    /// <param name="kind">The kind name.</param>
    public bool IsRegistered(string kind)
    {
        lock (_lock)
            return _loaders.ContainsKey(kind);
    }

    /// <summary>The loader of <paramref name="kind"/>, or a <see cref="ModelFormatException"/> naming it and the known kinds.</summary>
    internal ModelComponentLoader Get(string kind, int componentId)
    {
        lock (_lock)
        {
            if (_loaders.TryGetValue(kind, out var loader))
                return loader;
        }
        throw new ModelFormatException($"Component {componentId} has unknown kind '{kind}'; this build knows: {string.Join(", ", Kinds)}. Register the kind with mlContext.Model.Components.Register before loading.");
    }
}
