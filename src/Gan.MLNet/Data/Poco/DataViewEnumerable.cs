namespace Gan.MLNet.Data;

/// <summary>Enumerates a view as objects, lazily: each enumeration opens one cursor over just the columns the class maps.</summary>
internal sealed class DataViewEnumerable<TRow> : IEnumerable<TRow> where TRow : class, new()
{
    private readonly IDataView _data;
    private readonly bool _reuseRowObject;
    private readonly (PocoColumnBinding<TRow> Binding, DataViewSchema.Column Column)[] _bindings;

    public DataViewEnumerable(IDataView data, bool reuseRowObject, bool ignoreMissingColumns, SchemaDefinition? schemaDefinition)
    {
        _data = data;
        _reuseRowObject = reuseRowObject;
        var members = SchemaDefinition.ColumnMembers(typeof(TRow), SchemaDefinition.Direction.Write).ToDictionary(m => m.Name);
        // Only names matter here: the view's column types decide the conversions, so no type is inferred from the class.
        var names = schemaDefinition?.Select(c => (c.MemberName, c.ColumnName))
            ?? members.Values.Select(m => (MemberName: m.Name, ColumnName: SchemaDefinition.ColumnNameOf(m)));
        var bindings = new List<(PocoColumnBinding<TRow>, DataViewSchema.Column)>();
        foreach (var (memberName, columnName) in names)
        {
            var column = data.Schema.GetColumnOrNull(columnName);
            if (column is null)
            {
                if (ignoreMissingColumns)
                    continue;
                throw new ColumnNotFoundException(columnName, data.Schema);
            }
            if (!members.TryGetValue(memberName, out var member))
                throw new ArgumentOutOfRangeException(nameof(schemaDefinition), $"Schema definition names member '{memberName}', which '{typeof(TRow).Name}' does not have as a writable public field or property.");
            // The view's column type decides the conversion: a float[] member reads any vector of Single.
            bindings.Add((PocoColumnBinding<TRow>.Create(member, column.Value.Name, column.Value.Type), column.Value));
        }
        _bindings = [.. bindings];
    }

    public IEnumerator<TRow> GetEnumerator()
    {
        using var cursor = _data.GetRowCursor(_bindings.Select(b => b.Column));
        var setters = _bindings.Select(b => b.Binding.CreateSetter(cursor, b.Column)).ToArray();
        TRow? reused = null;
        while (cursor.MoveNext())
        {
            var row = _reuseRowObject ? reused ??= new TRow() : new TRow();
            foreach (var set in setters)
                set(row);
            yield return row;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
