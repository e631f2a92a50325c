namespace Gan.MLNet.Data;

/// <summary>
/// Base of transformers that add columns computed from the same row: derive, implement
/// <see cref="MakeMapper"/>, and get lazy, column-pruned <see cref="Transform"/>, schema propagation and
/// <see cref="GetRowToRowMapper"/>. Members are protected (not ML.NET's private protected) so transforms outside
/// this assembly can derive too.
/// </summary>
public abstract class RowToRowTransformerBase : ITransformer, IDisposable
{
    /// <summary>Binds the transformer's computation to <paramref name="inputSchema"/>, checking the input columns.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <exception cref="ColumnNotFoundException">An input column is missing.</exception>
    /// <exception cref="SchemaMismatchException">An input column has the wrong type.</exception>
    protected abstract ColumnMapperBase MakeMapper(DataViewSchema inputSchema);

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => GetRowToRowMapper(inputSchema).OutputSchema;

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new ColumnAddingRowMapper(MakeMapper(inputSchema));
    }

    /// <summary>
    /// The lazy view of <paramref name="input"/> with the added columns. Override only to compute the added columns of
    /// several rows together (a cursor may read ahead); the values must be those <see cref="GetRowToRowMapper"/> gives.
    /// </summary>
    /// <param name="input">The data.</param>
    public virtual IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new RowToRowMappedDataView(input, GetRowToRowMapper(input.Schema));
    }

    /// <summary>
    /// Writes the transformer into a model file (see <see cref="ICanSaveModel.Save"/>). Derived transformers that can be
    /// saved override this and register their kind's loader in <see cref="ModelComponentRegistry"/>.
    /// </summary>
    /// <param name="context">Where to write.</param>
    /// <exception cref="NotSupportedException">The transformer does not override this method.</exception>
    public virtual void Save(ModelSaveContext context) =>
        throw new NotSupportedException($"{GetType().Name} cannot be saved into a model file: it does not override Save.");

    /// <summary>Releases what the transformer holds (nothing by default).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources; override in transformers that own native memory (models, tensors).</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing) { }
}
