namespace Gan.MLNet;

/// <summary>
/// A fitted step of a pipeline: maps a view to a new view, lazily (nothing is computed until the result is read).
/// Transformers will also save themselves into a model file (Model.Save); that member is added with the model format.
/// </summary>
public interface ITransformer
{
    /// <summary>The schema <see cref="Transform"/> produces for an input of schema <paramref name="inputSchema"/>.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <exception cref="ColumnNotFoundException">An input column is missing.</exception>
    /// <exception cref="SchemaMismatchException">An input column has a type the transformer cannot use.</exception>
    DataViewSchema GetOutputSchema(DataViewSchema inputSchema);

    /// <summary>Maps <paramref name="input"/> lazily; the result is computed while it is read.</summary>
    /// <param name="input">The data.</param>
    IDataView Transform(IDataView input);

    /// <summary>Whether each output row depends only on the corresponding input row (see <see cref="GetRowToRowMapper"/>).</summary>
    bool IsRowToRowMapper { get; }

    /// <summary>The row-level mapping of this transformer for inputs of schema <paramref name="inputSchema"/>.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <exception cref="InvalidOperationException"><see cref="IsRowToRowMapper"/> is false.</exception>
    IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema);
}
