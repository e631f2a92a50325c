using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>A row of a view: typed getters for its active columns, its position and its stable id.</summary>
public abstract class DataViewRow : IDisposable
{
    private bool _disposed;

    /// <summary>The row's position in this cursor: 0, 1, ... while moving, -1 before the first row and after the last.</summary>
    public abstract long Position { get; }

    /// <summary>A non-decreasing batch number; rows of one cursor all share batch 0 in this layer.</summary>
    public abstract long Batch { get; }

    /// <summary>The schema of the row (the view's schema).</summary>
    public abstract DataViewSchema Schema { get; }

    /// <summary>A getter of the current row's stable id (see <see cref="DataViewRowId"/>).</summary>
    public abstract ValueGetter<DataViewRowId> GetIdGetter();

    /// <summary>Whether <paramref name="column"/> was requested when the cursor was opened.</summary>
    /// <param name="column">A column of <see cref="Schema"/>.</param>
    public abstract bool IsColumnActive(DataViewSchema.Column column);

    /// <summary>A getter of <paramref name="column"/>'s value in the current row.</summary>
    /// <typeparam name="TValue">The column's raw type (<see cref="DataViewType.RawType"/>).</typeparam>
    /// <param name="column">An active column of <see cref="Schema"/>.</param>
    /// <exception cref="GetterTypeMismatchException"><typeparamref name="TValue"/> is not the column's raw type.</exception>
    /// <exception cref="InactiveColumnException">The column was not requested.</exception>
    public abstract ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column);

    /// <summary>Releases the row and what it reads from.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources; overrides dispose the input rows they wrap.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing) { }

    /// <summary>
    /// Checks a getter request: <paramref name="column"/> belongs to <see cref="Schema"/>, is active, and is read as
    /// <typeparamref name="TValue"/>. Implementations call this first in <see cref="GetGetter{TValue}"/>.
    /// </summary>
    /// <param name="column">The requested column.</param>
    protected void CheckGetterRequest<TValue>(DataViewSchema.Column column)
    {
        var schema = Schema;
        if ((uint)column.Index >= (uint)schema.Count || schema[column.Index].Name != column.Name || !schema[column.Index].Type.Equals(column.Type))
            throw new ColumnNotFoundException(column.Name, schema);
        if (column.Type.RawType != typeof(TValue))
            throw new GetterTypeMismatchException(column.Name, column.Type, typeof(TValue));
        if (!IsColumnActive(column))
            throw new InactiveColumnException(column.Name);
    }
}
