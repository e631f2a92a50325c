using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// The learned dictionary of one MapValueToKey column: values in key order (key k is value k-1) and a lookup from
/// value to key. Typed by the item type; text compares by content. Missing values (NaN) never become keys.
/// </summary>
internal abstract class KeyTerms
{
    public abstract PrimitiveDataViewType ItemType { get; }

    public abstract int Count { get; }

    public static KeyTerms Learn(IDataView data, DataViewSchema.Column column, int maximumNumberOfKeys, ValueToKeyMappingEstimator.KeyOrdinality ordinality)
    {
        var itemType = ValueToKeyMappingEstimator.CheckInputType(column.Name, column.Type);
        var terms = (KeyTerms)Activator.CreateInstance(typeof(KeyTerms<>).MakeGenericType(itemType.RawType), itemType)!;
        terms.Collect(data, column, maximumNumberOfKeys);
        terms.Order(ordinality);
        return terms;
    }

    /// <summary>The dictionary read back from <see cref="ValuesAsText"/> (a saved model).</summary>
    public static KeyTerms FromText(PrimitiveDataViewType itemType, string[] texts, string where)
    {
        var terms = (KeyTerms)Activator.CreateInstance(typeof(KeyTerms<>).MakeGenericType(itemType.RawType), itemType)!;
        terms.Restore(texts, where);
        return terms;
    }

    /// <summary>The values in key order, as invariant text (see <see cref="PrimitiveText"/>).</summary>
    public abstract string[] ValuesAsText();

    protected abstract void Restore(string[] texts, string where);

    protected abstract void Collect(IDataView data, DataViewSchema.Column column, int maximumNumberOfKeys);

    protected abstract void Order(ValueToKeyMappingEstimator.KeyOrdinality ordinality);

    /// <summary>A getter mapping <paramref name="column"/> (scalar or vector) of <paramref name="input"/> to keys.</summary>
    public abstract Delegate CreateKeyGetter(DataViewRow input, DataViewSchema.Column column);

    /// <summary>The KeyValues annotation: the values in key order, in their own type or as text.</summary>
    public abstract DataViewSchema.Annotations CreateAnnotations(bool asText);
}

internal sealed class KeyTerms<T>(PrimitiveDataViewType itemType) : KeyTerms where T : notnull
{
    private static readonly IEqualityComparer<T> Equality = typeof(T) == typeof(ReadOnlyMemory<char>) ? (IEqualityComparer<T>)(object)TextComparer.Instance : EqualityComparer<T>.Default;
    private static readonly IComparer<T> Ordering = typeof(T) == typeof(ReadOnlyMemory<char>) ? (IComparer<T>)(object)TextComparer.Instance : Comparer<T>.Default;

    private List<T> _values = [];
    private Dictionary<T, uint> _keys = new(Equality);

    public override PrimitiveDataViewType ItemType => itemType;

    public override int Count => _values.Count;

    protected override void Collect(IDataView data, DataViewSchema.Column column, int maximumNumberOfKeys)
    {
        using var cursor = data.GetRowCursor(column);
        var add = (T value) =>
        {
            if (_keys.Count < maximumNumberOfKeys && !IsMissing(value) && !_keys.ContainsKey(value))
            {
                var owned = Own(value);
                _keys.Add(owned, (uint)_values.Count + 1);
                _values.Add(owned);
            }
        };
        if (column.Type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<T>>(column);
            VBuffer<T> buffer = default;
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                foreach (var value in buffer.DenseValues())
                    add(value);
            }
        }
        else
        {
            var getter = cursor.GetGetter<T>(column);
            T value = default!;
            while (cursor.MoveNext())
            {
                getter(ref value);
                add(value);
            }
        }
    }

    public override string[] ValuesAsText() => ValueListText<T>.Format(_values);

    protected override void Restore(string[] texts, string where)
    {
        foreach (var value in ValueListText<T>.Parse(texts, itemType, where))
        {
            if (IsMissing(value) || !_keys.TryAdd(value, (uint)_values.Count + 1))
                throw new ModelFormatException($"{where}: '{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}' cannot be a key (repeated or missing).");
            _values.Add(value);
        }
    }

    protected override void Order(ValueToKeyMappingEstimator.KeyOrdinality ordinality)
    {
        if (ordinality != ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            return;
        _values = [.. _values.Order(Ordering)];
        _keys = new Dictionary<T, uint>(Equality);
        for (int i = 0; i < _values.Count; i++)
            _keys.Add(_values[i], (uint)i + 1);
    }

    public override Delegate CreateKeyGetter(DataViewRow input, DataViewSchema.Column column)
    {
        if (column.Type is VectorDataViewType)
        {
            var getter = input.GetGetter<VBuffer<T>>(column);
            VBuffer<T> buffer = default;
            return (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> value) =>
            {
                getter(ref buffer);
                var editor = VBufferEditor.Create(ref value, buffer.Length);
                var source = buffer.GetValues();
                for (int i = 0; i < source.Length; i++)
                    editor.Values[i] = KeyOf(source[i]);
                value = editor.Commit();
            });
        }
        var scalar = input.GetGetter<T>(column);
        T item = default!;
        return (ValueGetter<uint>)((ref uint value) =>
        {
            scalar(ref item);
            value = KeyOf(item);
        });
    }

    public override DataViewSchema.Annotations CreateAnnotations(bool asText)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        if (asText)
        {
            var texts = _values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture).AsMemory()).ToArray();
            builder.Add(AnnotationKinds.KeyValues, new VectorDataViewType(TextDataViewType.Instance, texts.Length),
                (ref VBuffer<ReadOnlyMemory<char>> value) => new VBuffer<ReadOnlyMemory<char>>(texts.Length, texts).CopyTo(ref value));
        }
        else
        {
            var values = _values.ToArray();
            builder.Add(AnnotationKinds.KeyValues, new VectorDataViewType(itemType, values.Length),
                (ref VBuffer<T> value) => new VBuffer<T>(values.Length, values).CopyTo(ref value));
        }
        return builder.ToAnnotations();
    }

    private uint KeyOf(T value) => _keys.TryGetValue(value, out uint key) ? key : 0;

    private static bool IsMissing(T value) => value switch
    {
        float f => float.IsNaN(f),
        double d => double.IsNaN(d),
        _ => false,
    };

    /// <summary>Text from a getter may live in a reused buffer; a kept key gets its own copy.</summary>
    private static T Own(T value) => value is ReadOnlyMemory<char> text ? (T)(object)text.ToString().AsMemory() : value;
}
