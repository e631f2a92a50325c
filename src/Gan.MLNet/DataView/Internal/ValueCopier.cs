namespace Gan.MLNet.Data;

/// <summary>
/// Copies a value so it survives the next getter call: vectors get their own array (getters reuse theirs); other raw
/// types are immutable values or references and are kept as they are.
/// </summary>
internal static class ValueCopier<T>
{
    public delegate void CopyIntoDelegate(T source, ref T destination);

    /// <summary>An independent copy of a value.</summary>
    public static readonly Func<T, T> Copy;

    /// <summary>Copies into <c>destination</c>, reusing its storage where the value has any.</summary>
    public static readonly CopyIntoDelegate CopyInto;

    static ValueCopier()
    {
        if (typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(VBuffer<>))
        {
            var itemType = typeof(T).GetGenericArguments()[0];
            var flags = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
            Copy = typeof(ValueCopier<T>).GetMethod(nameof(CopyVector), flags)!.MakeGenericMethod(itemType).CreateDelegate<Func<T, T>>();
            CopyInto = typeof(ValueCopier<T>).GetMethod(nameof(CopyVectorInto), flags)!.MakeGenericMethod(itemType).CreateDelegate<CopyIntoDelegate>();
        }
        else
        {
            Copy = static value => value;
            CopyInto = static (T source, ref T destination) => destination = source;
        }
    }

    private static VBuffer<TItem> CopyVector<TItem>(VBuffer<TItem> value) => new(value.Length, value.ToArray());

    private static void CopyVectorInto<TItem>(VBuffer<TItem> source, ref VBuffer<TItem> destination) => source.CopyTo(ref destination);
}
