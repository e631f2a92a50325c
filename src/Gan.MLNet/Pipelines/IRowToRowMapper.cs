namespace Gan.MLNet;

/// <summary>A mapping from one input row to one output row, as used by lazy views and by single-row prediction.</summary>
public interface IRowToRowMapper
{
    /// <summary>The schema of the rows the mapper reads.</summary>
    DataViewSchema InputSchema { get; }

    /// <summary>The schema of the rows the mapper produces.</summary>
    DataViewSchema OutputSchema { get; }

    /// <summary>The input columns needed to compute <paramref name="dependingColumns"/> of the output.</summary>
    /// <param name="dependingColumns">Output columns the caller will read.</param>
    IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns);

    /// <summary>
    /// An output row computed from <paramref name="input"/>: it follows the input as the input moves. Only
    /// <paramref name="activeColumns"/> can be read; the input must have their dependencies active. Disposing the
    /// output row does not dispose <paramref name="input"/>.
    /// </summary>
    /// <param name="input">A row of <see cref="InputSchema"/>.</param>
    /// <param name="activeColumns">Output columns to compute.</param>
    DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns);
}
