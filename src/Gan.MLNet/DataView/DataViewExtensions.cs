using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>Conveniences over <see cref="IDataView"/>.</summary>
public static class DataViewExtensions
{
    /// <summary>Opens a cursor over the given columns only.</summary>
    /// <param name="data">The view.</param>
    /// <param name="columnsNeeded">The columns to read.</param>
    public static DataViewRowCursor GetRowCursor(this IDataView data, params DataViewSchema.Column[] columnsNeeded) =>
        data.GetRowCursor(columnsNeeded, null);

    /// <summary>Opens a cursor over every column (hidden ones included).</summary>
    /// <param name="data">The view.</param>
    /// <param name="rand">Optional source of a random order.</param>
    public static DataViewRowCursor GetRowCursorForAllColumns(this IDataView data, Random? rand = null) =>
        data.GetRowCursor(data.Schema, rand);

    /// <summary>Lazily reads one column. Vectors are returned as independent copies.</summary>
    /// <param name="data">The view.</param>
    /// <param name="columnName">The column to read.</param>
    public static IEnumerable<TValue> GetColumn<TValue>(this IDataView data, string columnName)
    {
        var column = data.Schema[columnName];
        if (column.Type.RawType != typeof(TValue))
            throw new GetterTypeMismatchException(column.Name, column.Type, typeof(TValue));
        return Read(data, column);

        static IEnumerable<TValue> Read(IDataView data, DataViewSchema.Column column)
        {
            using var cursor = data.GetRowCursor(column);
            var getter = cursor.GetGetter<TValue>(column);
            while (cursor.MoveNext())
            {
                // A fresh destination each row: the getter cannot reuse (and so overwrite) a value already yielded.
                TValue value = default!;
                getter(ref value);
                yield return value;
            }
        }
    }
}
