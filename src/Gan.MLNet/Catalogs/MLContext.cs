namespace Gan.MLNet;

/// <summary>
/// The entry point of the layer, as in ML.NET: catalogs of data operations, transforms and model operations, a
/// <see cref="Log"/> event, and a seed that makes every random choice reproducible.
/// </summary>
public sealed class MLContext
{
    private readonly Random _componentSeeds;
    private readonly Lock _randomLock = new();

    /// <summary>Creates a context.</summary>
    /// <param name="seed">Seed of every random choice made through this context; null draws one at random, so runs differ.</param>
    public MLContext(int? seed = null)
    {
        Seed = seed;
        _componentSeeds = seed is null ? new Random() : new Random(seed.Value);
        Data = new DataOperationsCatalog(this);
        Transforms = new TransformsCatalog(this);
        Model = new ModelOperationsCatalog(this);
    }

    /// <summary>The seed given to the constructor.</summary>
    public int? Seed { get; }

    /// <summary>Loading, splitting, shuffling, caching and previewing data.</summary>
    public DataOperationsCatalog Data { get; }

    /// <summary>Transforms (column conversions, concatenation, copying, dropping).</summary>
    public TransformsCatalog Transforms { get; }

    /// <summary>Operations on trained models.</summary>
    public ModelOperationsCatalog Model { get; }

    /// <summary>Messages from the components created through this context.</summary>
    public event EventHandler<LoggingEventArgs>? Log;

    /// <summary>
    /// A random generator for one component. With a seeded context, the n-th component created gets the same
    /// generator in every run, independently of how many numbers earlier components drew.
    /// </summary>
    internal Random CreateRandom() => new(NextComponentSeed());

    /// <summary>A seed for one component, drawn as <see cref="CreateRandom"/> does.</summary>
    internal int NextComponentSeed()
    {
        lock (_randomLock)
            return _componentSeeds.Next();
    }

    /// <summary>Raises <see cref="Log"/>.</summary>
    internal void WriteLog(string source, ChannelMessageKind kind, string message) =>
        Log?.Invoke(this, new LoggingEventArgs(message, kind, source));
}
