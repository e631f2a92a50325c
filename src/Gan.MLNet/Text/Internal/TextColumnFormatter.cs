namespace Gan.MLNet.Data;

/// <summary>
/// Writes one column of the current row as text fields: one for a scalar, one per item for a fixed-size vector.
/// Numbers are written culture-invariantly and round-trip exactly ("R" for floating point).
/// </summary>
internal abstract class TextColumnFormatter
{
    /// <summary>The header names of the column's fields: its name for a scalar, <c>Name.0</c>, <c>Name.1</c>, ... for a vector.</summary>
    public abstract IEnumerable<string> HeaderNames { get; }

    /// <summary>Reads the current value from the row and appends its fields to <paramref name="fields"/>.</summary>
    public abstract void AppendFields(List<string> fields);

    public static TextColumnFormatter Create(DataViewRow row, DataViewSchema.Column column)
    {
        var item = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
        if (column.Type is VectorDataViewType { IsKnownSize: false })
            throw new SchemaMismatchException(column.Name, "a scalar or a fixed-size vector (text files need the same fields on every line)", column.Type.ToString());
        if (item is not PrimitiveDataViewType primitive || !PrimitiveText.Supports(primitive))
            throw new SchemaMismatchException(column.Name, "Boolean, Text, a key or a number (or a fixed-size vector of them)", column.Type.ToString());
        return (TextColumnFormatter)Activator.CreateInstance(typeof(TextColumnFormatter<>).MakeGenericType(item.RawType), row, column)!;
    }
}

internal sealed class TextColumnFormatter<T> : TextColumnFormatter
{
    private readonly DataViewSchema.Column _column;
    private readonly Func<T, string> _format = PrimitiveText.Formatter<T>();
    private readonly ValueGetter<T>? _scalar;
    private readonly ValueGetter<VBuffer<T>>? _vector;
    private T _value = default!;
    private VBuffer<T> _buffer;

    public TextColumnFormatter(DataViewRow row, DataViewSchema.Column column)
    {
        _column = column;
        if (column.Type is VectorDataViewType)
            _vector = row.GetGetter<VBuffer<T>>(column);
        else
            _scalar = row.GetGetter<T>(column);
    }

    public override IEnumerable<string> HeaderNames => _column.Type is VectorDataViewType vector
        ? Enumerable.Range(0, vector.Size).Select(i => $"{_column.Name}.{i}")
        : [_column.Name];

    public override void AppendFields(List<string> fields)
    {
        if (_scalar is not null)
        {
            _scalar(ref _value);
            fields.Add(_format(_value));
            return;
        }
        _vector!(ref _buffer);
        int size = ((VectorDataViewType)_column.Type).Size;
        if (_buffer.Length != size)
            throw new InvalidOperationException($"Column '{_column.Name}' is declared with {size} items but a row has {_buffer.Length}.");
        foreach (var item in _buffer.GetValues())
            fields.Add(_format(item));
    }
}
