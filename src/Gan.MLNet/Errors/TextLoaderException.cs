namespace Gan.MLNet;

/// <summary>
/// A line of a text file could not be read. The message names the file, the line (1-based, counting the header) and,
/// when one value is at fault, the column and its field (0-based, as in LoadColumn), for example
/// <c>train.csv line 17, column 'Age' (field 3): 'abc' is not a Single</c>.
/// </summary>
public sealed class TextLoaderException : FormatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="filePath">The file.</param>
    /// <param name="line">The 1-based line where the row starts.</param>
    /// <param name="columnName">The column at fault, or null when the whole row is (for example a wrong field count).</param>
    /// <param name="fieldIndex">The 0-based field at fault, or null.</param>
    /// <param name="problem">What is wrong.</param>
    public TextLoaderException(string filePath, long line, string? columnName, int? fieldIndex, string problem)
        : base(Describe(filePath, line, columnName, fieldIndex, problem))
    {
        FilePath = filePath;
        Line = line;
        ColumnName = columnName;
        FieldIndex = fieldIndex;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line where the row starts.</summary>
    public long Line { get; }

    /// <summary>The column at fault, or null when the whole row is.</summary>
    public string? ColumnName { get; }

    /// <summary>The 0-based field at fault, or null.</summary>
    public int? FieldIndex { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Describe(string filePath, long line, string? columnName, int? fieldIndex, string problem)
    {
        string column = columnName is null ? "" : $", column '{columnName}'";
        string field = fieldIndex is null ? "" : columnName is null ? $", field {fieldIndex}" : $" (field {fieldIndex})";
        return $"{Path.GetFileName(filePath)} line {line}{column}{field}: {problem} (file {filePath})";
    }
}
