using Microsoft.ML;

namespace Gan.MLNet.DataViews;

/// <summary>
/// Copies of one column's values in numbered slots, so a cursor that reads rows ahead (SuperResolve's batching) can
/// serve them later through ordinary getters. Images copied into slots are disposed when their slot is cleared.
/// </summary>
internal abstract class ColumnSlots
{
    public static ColumnSlots Create(DataViewSchema.Column column, int count) =>
        (ColumnSlots)Activator.CreateInstance(typeof(ColumnSlots<>).MakeGenericType(column.Type.RawType), column, count)!;

    /// <summary>Binds to <paramref name="source"/>'s getter; the returned action copies the current value into a slot.</summary>
    public abstract Action<int> BindWriter(DataViewRow source);

    /// <summary>A getter that reads the slot chosen by <paramref name="currentSlot"/>.</summary>
    public abstract Delegate CreateReader(Func<int> currentSlot);

    /// <summary>Empties every slot (disposing images).</summary>
    public abstract void Clear();
}

internal sealed class ColumnSlots<T>(DataViewSchema.Column column, int count) : ColumnSlots
{
    private readonly T[] _values = new T[count];

    public override Action<int> BindWriter(DataViewRow source)
    {
        var getter = source.GetGetter<T>(column);
        T scratch = default!;
        return slot =>
        {
            getter(ref scratch);
            _values[slot] = ValueCopier<T>.Copy(scratch);
        };
    }

    public override Delegate CreateReader(Func<int> currentSlot) => typeof(T) == typeof(Microsoft.ML.Data.MLImage)
        // An image is lent, valid until the cursor moves (the slot owns it); each read of a vector gets its own copy,
        // as a reader may reuse (and so overwrite) what it receives.
        ? (ValueGetter<T>)((ref T value) => value = _values[currentSlot()])
        : (ValueGetter<T>)((ref T value) => value = ValueCopier<T>.Copy(_values[currentSlot()]));

    public override void Clear()
    {
        for (int i = 0; i < _values.Length; i++)
        {
            (_values[i] as IDisposable)?.Dispose();
            _values[i] = default!;
        }
    }
}
