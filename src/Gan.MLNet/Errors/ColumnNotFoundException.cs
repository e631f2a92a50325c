using Microsoft.ML;

namespace Gan.MLNet;

/// <summary>A column was asked for by a name the schema does not have. The message lists the columns it does have.</summary>
public sealed class ColumnNotFoundException : ArgumentOutOfRangeException
{
    /// <summary>Creates the error for <paramref name="columnName"/> missing from <paramref name="schema"/>.</summary>
    /// <param name="columnName">The name that was asked for.</param>
    /// <param name="schema">The schema that was searched.</param>
    public ColumnNotFoundException(string columnName, DataViewSchema schema)
        : this(columnName, schema.Where(c => !c.IsHidden).Select(c => c.Name))
    {
    }

    /// <summary>Creates the error for <paramref name="columnName"/> missing from a set of named columns.</summary>
    /// <param name="columnName">The name that was asked for.</param>
    /// <param name="availableColumns">The names that exist.</param>
    public ColumnNotFoundException(string columnName, IEnumerable<string> availableColumns)
        : base(nameof(columnName))
    {
        ColumnName = columnName;
        AvailableColumns = availableColumns.ToArray();
    }

    /// <summary>The name that was asked for.</summary>
    public string ColumnName { get; }

    /// <summary>The visible column names of the schema that was searched.</summary>
    public IReadOnlyList<string> AvailableColumns { get; }

    /// <inheritdoc />
    public override string Message => BuildMessageCore(ColumnName, AvailableColumns);

    private static string BuildMessageCore(string columnName, IReadOnlyList<string> available) =>
        available.Count == 0
            ? $"Column '{columnName}' not found; the schema has no columns."
            : $"Column '{columnName}' not found; the schema has: {string.Join(", ", available)}";
}
