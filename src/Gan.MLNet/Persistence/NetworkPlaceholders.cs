using Gan.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace Gan.MLNet.Persistence;

/// <summary>
/// The stand-ins our transformers save as inside ML.NET's model format: a CustomMapping that adds no column, one
/// contract per kind. ML.NET stores only the contract name and finds the factory (GanGeneratePlaceholderFactory,
/// SuperResolvePlaceholderFactory) by it when loading.
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
