using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Maps values to the keys learned by <see cref="ValueToKeyMappingEstimator"/>; vectors map item by item.</summary>
public sealed class ValueToKeyMappingTransformer : OneToOneTransformerBase
{
    private readonly KeyTerms[] _terms;
    private readonly DataViewSchema.Annotations[] _annotations;

    internal ValueToKeyMappingTransformer((string outputColumnName, string inputColumnName)[] columns, KeyTerms[] terms, bool addKeyValueAnnotationsAsText)
        : base(columns)
    {
        _terms = terms;
        _annotations = terms.Select(t => t.CreateAnnotations(addKeyValueAnnotationsAsText)).ToArray();
    }

    /// <summary>The number of keys learned for each column pair.</summary>
    public IReadOnlyList<int> KeyCounts => _terms.Select(t => t.Count).ToArray();

    /// <inheritdoc />
    protected override DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn)
    {
        var terms = _terms[pairIndex];
        var item = ValueToKeyMappingEstimator.CheckInputType(inputColumn.Name, inputColumn.Type);
        if (!item.Equals(terms.ItemType))
            throw new SchemaMismatchException(inputColumn.Name, $"{terms.ItemType} or a vector of {terms.ItemType} (the type the keys were learned from)", inputColumn.Type.ToString());
        var key = new KeyDataViewType(typeof(uint), (ulong)terms.Count);
        DataViewType type = inputColumn.Type is VectorDataViewType vector ? new VectorDataViewType(key, [.. vector.Dimensions]) : key;
        return new DataViewSchema.DetachedColumn(ColumnPairs[pairIndex].outputColumnName, type, _annotations[pairIndex]);
    }

    /// <inheritdoc />
    protected override Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn) =>
        _terms[pairIndex].CreateKeyGetter(input, inputColumn);
}
