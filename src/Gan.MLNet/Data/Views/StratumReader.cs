namespace Gan.MLNet.Data;

/// <summary>Reads a scalar column's value as a dictionary key (text as a string, so equal texts are equal keys).</summary>
internal static class StratumReader
{
    public static Func<object> Create(DataViewRow row, DataViewSchema.Column column)
    {
        if (column.Type is not PrimitiveDataViewType)
            throw new SchemaMismatchException(column.Name, "a scalar column (key, text, number or boolean)", column.Type.ToString());
        if (column.Type is TextDataViewType)
        {
            var text = row.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> value = default;
            return () =>
            {
                text(ref value);
                return value.ToString();
            };
        }
        var method = typeof(StratumReader).GetMethod(nameof(Boxed), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(column.Type.RawType);
        return (Func<object>)method.Invoke(null, [row, column])!;
    }

    private static Func<object> Boxed<T>(DataViewRow row, DataViewSchema.Column column) where T : notnull
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return value;
        };
    }
}
