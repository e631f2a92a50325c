namespace Gan.MLNet.Data;

/// <summary>Reads a column's current value as a self-contained object for <see cref="DataDebuggerPreview"/>.</summary>
internal static class PreviewReader
{
    public static Func<object?> Create(DataViewRow row, DataViewSchema.Column column)
    {
        var method = typeof(PreviewReader).GetMethod(nameof(Read), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(column.Type.RawType);
        return (Func<object?>)method.Invoke(null, [row, column])!;
    }

    public static string Format(object? value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable items and not string => $"[{string.Join(", ", items.Cast<object?>().Select(Format))}]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static Func<object?> Read<T>(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<T>(column);
        return () =>
        {
            T value = default!;
            getter(ref value);
            return Display<T>.Convert(value);
        };
    }

    /// <summary>The display form of a raw value: text as string, vectors as arrays, the rest unchanged.</summary>
    private static class Display<T>
    {
        public static readonly Func<T, object?> Convert = Create();

        private static Func<T, object?> Create()
        {
            if (typeof(T) == typeof(ReadOnlyMemory<char>))
                return value => value!.ToString();
            if (typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(VBuffer<>))
            {
                return typeof(PreviewReader).GetMethod(nameof(ToArray), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(typeof(T).GetGenericArguments()[0]).CreateDelegate<Func<T, object?>>();
            }
            return value => value;
        }
    }

    private static object? ToArray<TItem>(VBuffer<TItem> vector) => vector.ToArray();
}
