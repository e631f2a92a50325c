using Gan.MLNet.Transforms;

namespace Gan.MLNet;

/// <summary>Conversion transforms on <c>mlContext.Transforms.Conversion</c>.</summary>
public static class ConversionsExtensionsCatalog
{
    /// <summary>Maps the values of a column (text, numbers or booleans; scalar or vector) to keys, learning the dictionary while fitting.</summary>
    /// <param name="catalog">The conversion catalog.</param>
    /// <param name="outputColumnName">The key column to produce.</param>
    /// <param name="inputColumnName">The column of values; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="maximumNumberOfKeys">The most keys to learn; later new values map to key 0 (missing).</param>
    /// <param name="keyOrdinality">Whether keys follow first occurrence or the values' order.</param>
    /// <param name="addKeyValueAnnotationsAsText">Whether the KeyValues annotation holds text instead of the values' type.</param>
    /// <param name="keyData">A view to learn the keys from instead of the training data (same input column name).</param>
    public static ValueToKeyMappingEstimator MapValueToKey(this TransformsCatalog.ConversionTransforms catalog,
        string outputColumnName,
        string? inputColumnName = null,
        int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality,
        bool addKeyValueAnnotationsAsText = ValueToKeyMappingEstimator.Defaults.AddKeyValueAnnotationsAsText,
        IDataView? keyData = null) =>
        catalog.MapValueToKey([new InputOutputColumnPair(outputColumnName, inputColumnName)], maximumNumberOfKeys, keyOrdinality, addKeyValueAnnotationsAsText, keyData);

    /// <summary>Maps the values of several columns to keys; see the single-column overload.</summary>
    /// <param name="catalog">The conversion catalog.</param>
    /// <param name="columns">Output and input column names.</param>
    /// <param name="maximumNumberOfKeys">The most keys to learn per column.</param>
    /// <param name="keyOrdinality">Whether keys follow first occurrence or the values' order.</param>
    /// <param name="addKeyValueAnnotationsAsText">Whether the KeyValues annotation holds text.</param>
    /// <param name="keyData">A view to learn the keys from instead of the training data.</param>
    public static ValueToKeyMappingEstimator MapValueToKey(this TransformsCatalog.ConversionTransforms catalog,
        InputOutputColumnPair[] columns,
        int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality,
        bool addKeyValueAnnotationsAsText = ValueToKeyMappingEstimator.Defaults.AddKeyValueAnnotationsAsText,
        IDataView? keyData = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ValueToKeyMappingEstimator(catalog.Context, InputOutputColumnPair.ToTuples(columns), maximumNumberOfKeys, keyOrdinality, addKeyValueAnnotationsAsText, keyData);
    }

    /// <summary>Maps keys back to the values in the key column's KeyValues annotation.</summary>
    /// <param name="catalog">The conversion catalog.</param>
    /// <param name="outputColumnName">The value column to produce.</param>
    /// <param name="inputColumnName">The key column; null means <paramref name="outputColumnName"/>.</param>
    public static KeyToValueMappingEstimator MapKeyToValue(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string? inputColumnName = null) =>
        catalog.MapKeyToValue([new InputOutputColumnPair(outputColumnName, inputColumnName)]);

    /// <summary>Maps the keys of several columns back to their values.</summary>
    /// <param name="catalog">The conversion catalog.</param>
    /// <param name="columns">Output and input column names.</param>
    public static KeyToValueMappingEstimator MapKeyToValue(this TransformsCatalog.ConversionTransforms catalog, InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new KeyToValueMappingEstimator(InputOutputColumnPair.ToTuples(columns));
    }
}
