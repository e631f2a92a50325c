namespace Gan.MLNet.Data;

/// <summary>
/// A row-to-row transformer's computation bound to one input schema: the columns it adds, the input columns each
/// of them depends on, and how to compute each from an input row. <see cref="RowToRowTransformerBase"/> turns it into
/// lazy, column-pruned views; input columns pass through unchanged (an added column with an existing name hides it).
/// </summary>
public abstract class ColumnMapperBase
{
    /// <summary>Binds the mapper to <paramref name="inputSchema"/>.</summary>
    /// <param name="inputSchema">The schema of the rows the mapper reads.</param>
    protected ColumnMapperBase(DataViewSchema inputSchema)
    {
        InputSchema = inputSchema ?? throw new ArgumentNullException(nameof(inputSchema));
    }

    /// <summary>The schema of the rows the mapper reads.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The columns the mapper adds, in order. Called once per binding; validate the input types here.</summary>
    /// <exception cref="SchemaMismatchException">An input column has a type the transformer cannot use.</exception>
    public abstract IReadOnlyList<DataViewSchema.DetachedColumn> GetOutputColumns();

    /// <summary>The input columns needed to compute added column <paramref name="outputIndex"/>.</summary>
    /// <param name="outputIndex">Index into <see cref="GetOutputColumns"/>.</param>
    public abstract IEnumerable<DataViewSchema.Column> GetDependencies(int outputIndex);

    /// <summary>A <see cref="ValueGetter{TValue}"/> of the added column's raw type, reading from <paramref name="input"/>.</summary>
    /// <param name="input">A row of <see cref="InputSchema"/> with the column's dependencies active.</param>
    /// <param name="outputIndex">Index into <see cref="GetOutputColumns"/>.</param>
    public abstract Delegate CreateGetter(DataViewRow input, int outputIndex);
}
