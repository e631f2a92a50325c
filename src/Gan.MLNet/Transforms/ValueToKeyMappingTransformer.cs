using System.Text.Json.Nodes;
using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Maps values to the keys learned by <see cref="ValueToKeyMappingEstimator"/>; vectors map item by item.</summary>
public sealed class ValueToKeyMappingTransformer : OneToOneTransformerBase
{
    private readonly KeyTerms[] _terms;
    private readonly DataViewSchema.Annotations[] _annotations;
    private readonly bool _addKeyValueAnnotationsAsText;

    /// <summary>The registry kind of saved MapValueToKey transformers.</summary>
    internal const string ModelKind = "MapValueToKey";

    internal ValueToKeyMappingTransformer((string outputColumnName, string inputColumnName)[] columns, KeyTerms[] terms, bool addKeyValueAnnotationsAsText)
        : base(columns)
    {
        _terms = terms;
        _addKeyValueAnnotationsAsText = addKeyValueAnnotationsAsText;
        _annotations = terms.Select(t => t.CreateAnnotations(addKeyValueAnnotationsAsText)).ToArray();
    }

    /// <summary>The number of keys learned for each column pair.</summary>
    public IReadOnlyList<int> KeyCounts => _terms.Select(t => t.Count).ToArray();

    /// <summary>Saves the column pairs and, per pair, the learned values in key order (entry <c>keys.{pair}.json</c>, item type in the options).</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        ColumnPairsOption.Save(context, ColumnPairs);
        context.SetOption("addKeyValueAnnotationsAsText", _addKeyValueAnnotationsAsText);
        context.Options["itemTypes"] = new JsonArray([.. _terms.Select((t, i) => (JsonNode)TypeJson.Write(t.ItemType, ColumnPairs[i].inputColumnName))]);
        for (int i = 0; i < _terms.Length; i++)
            context.AddEntry($"keys.{i}.json", ValueListText.Serialize(_terms[i].ValuesAsText()));
    }

    /// <summary>Recreates a saved transformer.</summary>
    internal static ITransformer Load(ModelLoadContext context)
    {
        var columns = ColumnPairsOption.Load(context);
        if (context.Options["itemTypes"] is not JsonArray itemTypes || itemTypes.Count != columns.Length)
            throw context.Malformed("option 'itemTypes' does not give one item type per column pair");
        var terms = columns.Select((_, i) =>
        {
            if (TypeJson.Read(itemTypes[i], $"item type {i} of component '{context.Kind}'") is not PrimitiveDataViewType itemType || !PrimitiveText.Supports(itemType) || itemType is KeyDataViewType)
                throw context.Malformed($"item type {i} cannot hold keys");
            string entry = $"keys.{i}.json";
            return KeyTerms.FromText(itemType, ValueListText.Deserialize(context.ReadEntry(entry), $"Entry '{entry}'"), $"Entry '{entry}'");
        }).ToArray();
        return new ValueToKeyMappingTransformer(columns, terms, context.GetOption<bool>("addKeyValueAnnotationsAsText"));
    }

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
