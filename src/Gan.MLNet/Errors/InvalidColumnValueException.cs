namespace Gan.MLNet;

/// <summary>
/// A value in a row cannot be used (a missing image, a missing label, a non-finite number). The message names the row
/// (0-based position in the view) and the column, for example <c>Row 17 of column 'Label': the key value is missing</c>.
/// </summary>
public sealed class InvalidColumnValueException : FormatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="columnName">The column at fault.</param>
    /// <param name="row">The 0-based row position.</param>
    /// <param name="problem">What is wrong.</param>
    public InvalidColumnValueException(string columnName, long row, string problem)
        : base($"Row {row} of column '{columnName}': {problem}")
    {
        ColumnName = columnName;
        Row = row;
        Problem = problem;
    }

    /// <summary>The column at fault.</summary>
    public string ColumnName { get; }

    /// <summary>The 0-based row position.</summary>
    public long Row { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
