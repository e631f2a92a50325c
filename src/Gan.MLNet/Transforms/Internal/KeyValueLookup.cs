using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Builds the getter of MapKeyToValue for one value type: reads the KeyValues once, then maps key k to value k-1.</summary>
internal abstract class KeyValueLookup
{
    public abstract Delegate CreateGetter(DataViewRow input, DataViewSchema.Column keyColumn);
}

internal sealed class KeyValueLookup<T> : KeyValueLookup
{
    private static readonly T Missing = typeof(T) == typeof(float) ? (T)(object)float.NaN
        : typeof(T) == typeof(double) ? (T)(object)double.NaN
        : default!;

    public override Delegate CreateGetter(DataViewRow input, DataViewSchema.Column keyColumn)
    {
        VBuffer<T> keyValues = default;
        keyColumn.GetKeyValues(ref keyValues);
        var values = keyValues.ToArray();
        T ValueOf(uint key) => key >= 1 && key <= values.Length ? values[key - 1] : Missing;

        if (keyColumn.Type is VectorDataViewType)
        {
            var getter = input.GetGetter<VBuffer<uint>>(keyColumn);
            VBuffer<uint> keys = default;
            return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
            {
                getter(ref keys);
                var editor = VBufferEditor.Create(ref value, keys.Length);
                var source = keys.GetValues();
                for (int i = 0; i < source.Length; i++)
                    editor.Values[i] = ValueOf(source[i]);
                value = editor.Commit();
            });
        }
        var scalar = input.GetGetter<uint>(keyColumn);
        uint key = 0;
        return (ValueGetter<T>)((ref T value) =>
        {
            scalar(ref key);
            value = ValueOf(key);
        });
    }
}
