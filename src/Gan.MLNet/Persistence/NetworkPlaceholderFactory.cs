using System.ComponentModel;
using Microsoft.ML.Transforms;

namespace Gan.MLNet.Persistence;

/// <summary>Infrastructure of SaveWithNetworks/LoadWithNetworks; not for use in code.</summary>
/// <typeparam name="TMarker">The kind's marker row (no columns).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class NetworkPlaceholderFactory<TMarker> : CustomMappingFactory<TMarker, TMarker>
    where TMarker : class, new()
{
    private protected NetworkPlaceholderFactory()
    {
    }

    /// <summary>The placeholder's mapping: it adds no column.</summary>
    /// <param name="input">Unused.</param>
    /// <param name="output">Unused.</param>
    public static void PassThrough(TMarker input, TMarker output)
    {
    }

    /// <summary>Inside LoadWithNetworks: the pass-through. Anywhere else: an error naming LoadWithNetworks.</summary>
    /// <exception cref="InvalidOperationException">Stock <c>Model.Load</c> is loading the placeholder.</exception>
    public override Action<TMarker, TMarker> GetMapping() => NetworkLoadSession.IsActive
        ? PassThrough
        : throw new InvalidOperationException(
            $"This model holds Gan.MLNet networks ({GetType().Name.Replace("PlaceholderFactory", "")}); " +
            "load it with mlContext.Model.LoadWithNetworks (it was saved by SaveWithNetworks).");
}
