namespace Gan.MLNet;

/// <summary>A transform's input column has a type the transform cannot use. The message names the column, the expected type and the actual one.</summary>
public sealed class SchemaMismatchException : ArgumentOutOfRangeException
{
    /// <summary>Creates the error.</summary>
    /// <param name="columnName">The offending input column.</param>
    /// <param name="expectedType">A description of the types the transform accepts.</param>
    /// <param name="actualType">A description of the column's actual type.</param>
    public SchemaMismatchException(string columnName, string? expectedType, string? actualType)
        : base(nameof(columnName))
    {
        ColumnName = columnName;
        ExpectedType = expectedType ?? "(unknown)";
        ActualType = actualType ?? "(unknown)";
    }

    /// <summary>The offending input column.</summary>
    public string ColumnName { get; }

    /// <summary>The types the transform accepts.</summary>
    public string ExpectedType { get; }

    /// <summary>The column's actual type.</summary>
    public string ActualType { get; }

    /// <inheritdoc />
    public override string Message => $"Schema mismatch for input column '{ColumnName}': expected {ExpectedType}, got {ActualType}.";
}
