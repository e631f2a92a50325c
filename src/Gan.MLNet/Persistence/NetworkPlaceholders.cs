using System.ComponentModel;
using Gan.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace Gan.MLNet.Persistence;

/// <summary>
/// The stand-ins our transformers save as inside ML.NET's model format: a CustomMapping that adds no column, one
/// contract per kind. ML.NET stores only the contract name and finds the factory below by it when loading.
/// </summary>
internal static class NetworkPlaceholders
{
    /// <summary>A fitted placeholder for <paramref name="kind"/>.</summary>
    public static ITransformer Create(string kind) => kind switch
    {
        GanGeneratingTransformer.ModelKind => Create<GanGeneratePlaceholderFactory.Marker>(GanGeneratePlaceholderFactory.Contract),
        SuperResolvingTransformer.ModelKind => Create<SuperResolvePlaceholderFactory.Marker>(SuperResolvePlaceholderFactory.Contract),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a Gan.MLNet transformer kind"),
    };

    /// <summary>The kind a loaded transformer is a placeholder for, or null when it is none.</summary>
    public static string? KindOf(ITransformer transformer) => transformer switch
    {
        CustomMappingTransformer<GanGeneratePlaceholderFactory.Marker, GanGeneratePlaceholderFactory.Marker> => GanGeneratingTransformer.ModelKind,
        CustomMappingTransformer<SuperResolvePlaceholderFactory.Marker, SuperResolvePlaceholderFactory.Marker> => SuperResolvingTransformer.ModelKind,
        _ => null,
    };

    private static ITransformer Create<TMarker>(string contract) where TMarker : class, new()
    {
        var context = new MLContext();
        var empty = context.Data.LoadFromEnumerable(Array.Empty<TMarker>());
        return context.Transforms.CustomMapping<TMarker, TMarker>(NetworkPlaceholderFactory<TMarker>.PassThrough, contract).Fit(empty);
    }
}

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

/// <summary>Infrastructure: the placeholder factory of GanGenerate; not for use in code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class GanGeneratePlaceholderFactory : NetworkPlaceholderFactory<GanGeneratePlaceholderFactory.Marker>
{
    internal const string Contract = "Gan.MLNet.GanGenerate.v1";

    /// <summary>The placeholder's row type (no columns).</summary>
    public sealed class Marker;
}

/// <summary>Infrastructure: the placeholder factory of SuperResolve; not for use in code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class SuperResolvePlaceholderFactory : NetworkPlaceholderFactory<SuperResolvePlaceholderFactory.Marker>
{
    internal const string Contract = "Gan.MLNet.SuperResolve.v1";

    /// <summary>The placeholder's row type (no columns).</summary>
    public sealed class Marker;
}
