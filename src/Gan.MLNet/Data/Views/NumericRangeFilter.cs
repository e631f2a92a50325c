namespace Gan.MLNet.Data;

/// <summary>The predicate of FilterRowsByColumn: keeps rows whose numeric value v satisfies lowerBound ≤ v &lt; upperBound.</summary>
internal static class NumericRangeFilter
{
    public static IDataView Apply(IDataView input, DataViewSchema.Column column, double lowerBound, double upperBound)
    {
        var read = column.Type switch
        {
            _ when column.Type == NumberDataViewType.Single => Reader<float>(v => v),
            _ when column.Type == NumberDataViewType.Double => Reader<double>(v => v),
            _ when column.Type == NumberDataViewType.Int32 => Reader<int>(v => v),
            _ when column.Type == NumberDataViewType.Int64 => Reader<long>(v => v),
            _ when column.Type.RawType == typeof(uint) && column.Type is KeyDataViewType or NumberDataViewType => Reader<uint>(v => v),
            _ => throw new SchemaMismatchException(column.Name, "a numeric or key column (Single, Double, Int32, Int64, UInt32, Key)", column.Type.ToString()),
        };
        return new RowFilterDataView(input, [column], row =>
        {
            var value = read(row, column);
            return () =>
            {
                double v = value();
                return v >= lowerBound && v < upperBound;
            };
        }, keepsSourceOrder: false);
    }

    private static Func<DataViewRow, DataViewSchema.Column, Func<double>> Reader<T>(Func<T, double> toDouble) => (row, column) =>
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return toDouble(value);
        };
    };
}
