namespace Gan.MLNet;

/// <summary>
/// A fitted step of a pipeline: maps a view to a new view, lazily (nothing is computed until the result is read).
/// Transformers save themselves into a model file through <see cref="ICanSaveModel.Save"/> (<c>mlContext.Model.Save</c>);
/// a transformer that does not implement it cannot be saved.
/// </summary>
public interface ITransformer : ICanSaveModel
{
    /// <summary>Refuses: transformers that can be saved implement <see cref="ICanSaveModel.Save"/> themselves.</summary>
    /// <param name="context">Unused.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext context) =>
        throw new NotSupportedException($"{GetType().Name} cannot be saved into a model file: it does not implement ICanSaveModel.Save.");

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
