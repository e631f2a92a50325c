using System.Collections.Immutable;

namespace Gan.MLNet.Data;

/// <summary>
/// The first rows of a view, materialised for looking at in a debugger or a test: by column and by row. Text is
/// shown as <see cref="string"/> and vectors as arrays; hidden columns are left out.
/// </summary>
public sealed class DataDebuggerPreview
{
    internal DataDebuggerPreview(IDataView data, int maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        Schema = data.Schema;
        var columns = Schema.Where(c => !c.IsHidden).ToArray();
        var values = columns.Select(_ => new List<object?>()).ToArray();
        using (var cursor = data.GetRowCursor(columns))
        {
            var readers = columns.Select(c => PreviewReader.Create(cursor, c)).ToArray();
            for (int row = 0; row < maxRows && cursor.MoveNext(); row++)
            {
                for (int i = 0; i < columns.Length; i++)
                    values[i].Add(readers[i]());
            }
        }
        ColumnView = [.. columns.Select((c, i) => new ColumnInfo(c, [.. values[i]]))];
        int rowCount = values.Length == 0 ? 0 : values[0].Count;
        RowView = [.. Enumerable.Range(0, rowCount).Select(r => new RowInfo(
            columns.Select((c, i) => new KeyValuePair<string, object?>(c.Name, values[i][r])).ToArray()))];
    }

    /// <summary>The schema of the previewed view.</summary>
    public DataViewSchema Schema { get; }

    /// <summary>The values by column.</summary>
    public ImmutableArray<ColumnInfo> ColumnView { get; }

    /// <summary>The values by row.</summary>
    public ImmutableArray<RowInfo> RowView { get; }

    /// <summary>One column's previewed values.</summary>
    /// <param name="Column">The column.</param>
    /// <param name="Values">Its values, one per previewed row.</param>
    public sealed record ColumnInfo(DataViewSchema.Column Column, object?[] Values);

    /// <summary>One previewed row.</summary>
    /// <param name="Values">Column name and value, in schema order.</param>
    public sealed record RowInfo(KeyValuePair<string, object?>[] Values)
    {
        /// <inheritdoc />
        public override string ToString() => string.Join(", ", Values.Select(v => $"{v.Key}: {PreviewReader.Format(v.Value)}"));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Schema.Count(c => !c.IsHidden)} columns, {RowView.Length} rows";
}
