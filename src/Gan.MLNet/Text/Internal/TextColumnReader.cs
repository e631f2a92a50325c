namespace Gan.MLNet.Data;

/// <summary>
/// Reads one column of a <see cref="TextFileDataView"/> from the fields of the current line into its own storage,
/// so that a bad value is found (and the row skipped or reported) when the cursor moves, not when a getter runs.
/// </summary>
internal abstract class TextColumnReader
{
    /// <summary>Parses the column's fields of <paramref name="fields"/>; on failure returns the offending field index.</summary>
    public abstract bool TryRead(IReadOnlyList<string> fields, out int badField);

    /// <summary>A getter of the value read last.</summary>
    public abstract Delegate CreateGetter();

    /// <summary>The readable name of the item type, for messages ("Single", "Key in 0..3").</summary>
    public abstract string ItemTypeName { get; }

    public static TextColumnReader Create(TextLoader.Column column) => column.DataKind switch
    {
        DataKind.Boolean => new TextColumnReader<bool>(column, TextFieldParsers.Boolean, "Boolean"),
        DataKind.Single => new TextColumnReader<float>(column, TextFieldParsers.Single, "Single"),
        DataKind.Double => new TextColumnReader<double>(column, TextFieldParsers.Double, "Double"),
        DataKind.Int32 => new TextColumnReader<int>(column, TextFieldParsers.Int32, "Int32"),
        DataKind.Int64 => new TextColumnReader<long>(column, TextFieldParsers.Int64, "Int64"),
        DataKind.UInt32 when column.KeyCount is { } count => new TextColumnReader<uint>(column, TextFieldParsers.Key(count), $"key in 0..{count}"),
        DataKind.UInt32 => new TextColumnReader<uint>(column, TextFieldParsers.UInt32, "UInt32"),
        _ => new TextColumnReader<ReadOnlyMemory<char>>(column, TextFieldParsers.Text, "String"),
    };
}

internal sealed class TextColumnReader<T>(TextLoader.Column column, FieldParser<T> parse, string itemTypeName) : TextColumnReader
{
    private readonly int[] _fields = column.FieldIndices;
    private readonly bool _isVector = column.ColumnType is VectorDataViewType;
    private readonly T[] _values = new T[column.FieldIndices.Length];

    public override string ItemTypeName => itemTypeName;

    public override bool TryRead(IReadOnlyList<string> fields, out int badField)
    {
        for (int i = 0; i < _fields.Length; i++)
        {
            if (!parse(fields[_fields[i]], out _values[i]))
            {
                badField = _fields[i];
                return false;
            }
        }
        badField = -1;
        return true;
    }

    public override Delegate CreateGetter()
    {
        if (!_isVector)
            return (ValueGetter<T>)((ref T value) => value = _values[0]);
        return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) => new VBuffer<T>(_values.Length, _values).CopyTo(ref value));
    }
}
