namespace Gan.MLNet;

/// <summary>A getter was asked for a column the cursor was not created to read (it was not in <c>columnsNeeded</c>).</summary>
public sealed class InactiveColumnException : InvalidOperationException
{
    /// <summary>Creates the error.</summary>
    /// <param name="columnName">The inactive column.</param>
    public InactiveColumnException(string columnName)
        : base($"Column '{columnName}' is not active in this cursor; include it in columnsNeeded when calling GetRowCursor.")
    {
        ColumnName = columnName;
    }

    /// <summary>The inactive column.</summary>
    public string ColumnName { get; }
}
