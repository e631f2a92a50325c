namespace Gan.MLNet.Data;

/// <summary>Which columns of a schema a cursor computes, as a bit per column index.</summary>
internal sealed class ColumnSet
{
    private readonly bool[] _active;

    private ColumnSet(bool[] active) => _active = active;

    public static ColumnSet From(DataViewSchema schema, IEnumerable<DataViewSchema.Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var active = new bool[schema.Count];
        foreach (var column in columns)
        {
            if ((uint)column.Index >= (uint)schema.Count || schema[column.Index].Name != column.Name)
                throw new ColumnNotFoundException(column.Name, schema);
            active[column.Index] = true;
        }
        return new ColumnSet(active);
    }

    public bool Contains(int index) => _active[index];

    public IEnumerable<int> Indices => Enumerable.Range(0, _active.Length).Where(i => _active[i]);
}
