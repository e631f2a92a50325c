namespace Gan.MLNet.Data;

/// <summary>
/// Stores copies of one column's values in numbered slots, so views that hold rows (cache, shuffle pool) can read a
/// row from the source once and serve it later through an ordinary getter.
/// </summary>
internal abstract class ColumnSlots
{
    public static ColumnSlots Create(DataViewSchema.Column column) =>
        (ColumnSlots)Activator.CreateInstance(typeof(ColumnSlots<>).MakeGenericType(column.Type.RawType), column)!;

    /// <summary>Binds to <paramref name="source"/>'s getter; the returned action copies the current value into a slot.</summary>
    public abstract Action<int> BindWriter(DataViewRow source);

    /// <summary>A getter that reads the slot chosen by <paramref name="currentSlot"/>.</summary>
    public abstract Delegate CreateReader(Func<int> currentSlot);

    public abstract void Clear(int slot);
}

internal sealed class ColumnSlots<T>(DataViewSchema.Column column) : ColumnSlots
{
    private T[] _values = new T[16];

    public override Action<int> BindWriter(DataViewRow source)
    {
        var getter = source.GetGetter<T>(column);
        T scratch = default!;
        return slot =>
        {
            if (slot >= _values.Length)
                Array.Resize(ref _values, Math.Max(slot + 1, _values.Length * 2));
            getter(ref scratch);
            _values[slot] = ValueCopier<T>.Copy(scratch);
        };
    }

    public override Delegate CreateReader(Func<int> currentSlot) =>
        // Copy into the reader's buffer: a reader may reuse (and so overwrite) what it receives.
        (ValueGetter<T>)((ref T value) => ValueCopier<T>.CopyInto(_values[currentSlot()], ref value));

    public override void Clear(int slot) => _values[slot] = default!;
}
