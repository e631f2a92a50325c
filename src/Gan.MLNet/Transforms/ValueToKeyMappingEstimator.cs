using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Learns the distinct values of columns (text, numbers or booleans; scalars or vectors) and maps them to keys
/// 1..n, with the values kept in a <see cref="AnnotationKinds.KeyValues"/> annotation
/// (<c>mlContext.Transforms.Conversion.MapValueToKey</c>). Values not seen while fitting, and NaN, map to key 0 (missing).
/// </summary>
public sealed class ValueToKeyMappingEstimator : IEstimator<ValueToKeyMappingTransformer>
{
    private readonly MLContext _context;
    private readonly (string outputColumnName, string inputColumnName)[] _columns;
    private readonly int _maximumNumberOfKeys;
    private readonly KeyOrdinality _keyOrdinality;
    private readonly bool _addKeyValueAnnotationsAsText;
    private readonly IDataView? _keyData;

    /// <summary>The order in which keys are assigned.</summary>
    public enum KeyOrdinality
    {
        /// <summary>In the order values first occur in the data.</summary>
        ByOccurrence = 0,

        /// <summary>In the values' natural order (ordinal for text).</summary>
        ByValue = 1,
    }

    /// <summary>Default parameter values.</summary>
    public static class Defaults
    {
        /// <summary>The most keys learned per column; later new values map to 0.</summary>
        public const int MaximumNumberOfKeys = 1_000_000;

        /// <summary>Keys follow first occurrence.</summary>
        public const KeyOrdinality Ordinality = KeyOrdinality.ByOccurrence;

        /// <summary>The KeyValues annotation keeps the values' own type.</summary>
        public const bool AddKeyValueAnnotationsAsText = false;
    }

    internal ValueToKeyMappingEstimator(MLContext context, (string outputColumnName, string inputColumnName)[] columns, int maximumNumberOfKeys, KeyOrdinality keyOrdinality, bool addKeyValueAnnotationsAsText, IDataView? keyData)
    {
        if (columns.Length == 0)
            throw new ArgumentException("At least one column pair is needed.", nameof(columns));
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumNumberOfKeys, 1);
        if (!Enum.IsDefined(keyOrdinality))
            throw new ArgumentOutOfRangeException(nameof(keyOrdinality), keyOrdinality, "Unknown key ordinality.");
        _context = context;
        _columns = columns;
        _maximumNumberOfKeys = maximumNumberOfKeys;
        _keyOrdinality = keyOrdinality;
        _addKeyValueAnnotationsAsText = addKeyValueAnnotationsAsText;
        _keyData = keyData;
    }

    /// <summary>Learns the keys from <paramref name="input"/> (or from the keyData view, when one was given), reading only the input columns.</summary>
    /// <param name="input">The training data.</param>
    public ValueToKeyMappingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var source = _keyData ?? input;
        var terms = _columns.Select(pair => KeyTerms.Learn(source, source.Schema[pair.inputColumnName], _maximumNumberOfKeys, _keyOrdinality)).ToArray();
        foreach (var (pair, learned) in _columns.Zip(terms))
        {
            if (learned.Count == 0)
                throw new InvalidOperationException($"Column '{pair.inputColumnName}' has no values to map to keys.");
            string limit = learned.Count == _maximumNumberOfKeys ? " (the maximum: later new values map to missing)" : "";
            _context.WriteLog(nameof(ValueToKeyMappingEstimator), ChannelMessageKind.Info, $"Column '{pair.inputColumnName}': {learned.Count} keys{limit}.");
        }
        var transformer = new ValueToKeyMappingTransformer(_columns, terms, _addKeyValueAnnotationsAsText);
        transformer.GetOutputSchema(input.Schema);
        return transformer;
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var added = _columns.Select(pair =>
        {
            var input = inputSchema.FindColumn(pair.inputColumnName);
            if (input.IsKey || !IsSupportedItem(input.ItemType))
                throw new SchemaMismatchException(input.Name, ExpectedTypes, input.GetTypeString());
            var keyValueType = _addKeyValueAnnotationsAsText ? TextDataViewType.Instance : input.ItemType;
            var annotations = new SchemaShape([new SchemaShape.Column(AnnotationKinds.KeyValues, SchemaShape.Column.VectorKind.Vector, keyValueType, false)]);
            return new SchemaShape.Column(pair.outputColumnName, input.Kind, NumberDataViewType.UInt32, true, annotations);
        }).ToArray();
        return new SchemaShape(inputSchema.Concat(added));
    }

    private const string ExpectedTypes = "a scalar or vector of Single, Double, Int32, Int64, Boolean or String";

    private static bool IsSupportedItem(DataViewType type) =>
        type == NumberDataViewType.Single || type == NumberDataViewType.Double || type == NumberDataViewType.Int32
        || type == NumberDataViewType.Int64 || type is BooleanDataViewType or TextDataViewType;

    /// <summary>The item type of a column MapValueToKey accepts, or a <see cref="SchemaMismatchException"/> naming it.</summary>
    internal static PrimitiveDataViewType CheckInputType(string columnName, DataViewType type)
    {
        var item = type is VectorDataViewType vector ? vector.ItemType : type as PrimitiveDataViewType;
        return item is not null && IsSupportedItem(item) ? item : throw new SchemaMismatchException(columnName, ExpectedTypes, type.ToString());
    }
}
