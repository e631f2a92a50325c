using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Keeps some columns and drops the rest (<c>SelectColumns</c>), or drops some (<c>DropColumns</c>). Dropped columns are never computed.</summary>
public sealed class ColumnSelectingTransformer : ITransformer
{
    private readonly string[] _columnNames;
    private readonly bool _keep;

    internal ColumnSelectingTransformer(string[] columnNames, bool keep)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        if (columnNames.Length == 0)
            throw new ArgumentException("At least one column name is needed.", nameof(columnNames));
        _columnNames = [.. columnNames];
        _keep = keep;
    }

    /// <summary>The columns kept (when <see cref="KeepColumns"/>) or dropped.</summary>
    public IReadOnlyList<string> ColumnNames => _columnNames;

    /// <summary>Whether <see cref="ColumnNames"/> are kept (true) or dropped (false).</summary>
    public bool KeepColumns => _keep;

    /// <summary>The registry kind of saved SelectColumns transformers.</summary>
    internal const string SelectModelKind = "SelectColumns";

    /// <summary>The registry kind of saved DropColumns transformers.</summary>
    internal const string DropModelKind = "DropColumns";

    /// <summary>Saves the column names under the kind SelectColumns or DropColumns.</summary>
    /// <param name="context">Where to write.</param>
    public void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = _keep ? SelectModelKind : DropModelKind;
        context.SetOption("columnNames", _columnNames);
    }

    /// <summary>Recreates a saved transformer of either kind.</summary>
    internal static ITransformer Load(ModelLoadContext context) =>
        new ColumnSelectingTransformer(context.GetOption<string[]>("columnNames"), keep: context.Kind == SelectModelKind);

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => GetRowToRowMapper(inputSchema).OutputSchema;

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        // Validate every name first: a typo in a drop list should not silently keep the column.
        var named = _columnNames.Select(name => inputSchema[name]).ToArray();
        int[] kept = _keep
            ? named.Select(c => c.Index).ToArray()
            : inputSchema.Where(c => !_columnNames.Contains(c.Name)).Select(c => c.Index).ToArray();
        return new ColumnSelectingRowMapper(inputSchema, kept);
    }

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new RowToRowMappedDataView(input, GetRowToRowMapper(input.Schema));
    }
}
