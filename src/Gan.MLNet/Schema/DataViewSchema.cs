using System.Collections;
using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>
/// The columns of an <see cref="IDataView"/>, by index and by name. When several columns share a name, the last one
/// is visible by name and the earlier ones are hidden (still reachable by index), as a transform that overwrites a
/// column keeps the original readable for the steps that depend on it.
/// </summary>
public sealed partial class DataViewSchema : IReadOnlyList<DataViewSchema.Column>
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _visibleIndexByName;

    private DataViewSchema(IReadOnlyList<DetachedColumn> columns)
    {
        _visibleIndexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
            _visibleIndexByName[columns[i].Name] = i;
        _columns = new Column[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            bool hidden = _visibleIndexByName[columns[i].Name] != i;
            _columns[i] = new Column(columns[i].Name, i, hidden, columns[i].Type, columns[i].Annotations);
        }
    }

    /// <summary>A schema without columns.</summary>
    public static DataViewSchema Empty { get; } = new([]);

    /// <summary>The number of columns, hidden ones included.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="columnIndex"/>.</summary>
    /// <param name="columnIndex">A position in 0..Count-1.</param>
    public Column this[int columnIndex]
    {
        get
        {
            if ((uint)columnIndex >= (uint)_columns.Length)
                throw new ArgumentOutOfRangeException(nameof(columnIndex), columnIndex, $"The schema has {_columns.Length} columns.");
            return _columns[columnIndex];
        }
    }

    /// <summary>The visible column named <paramref name="name"/>.</summary>
    /// <param name="name">The column name (case-sensitive).</param>
    /// <exception cref="ColumnNotFoundException">No visible column has that name; the message lists the ones that do exist.</exception>
    public Column this[string name] => GetColumnOrNull(name) ?? throw new ColumnNotFoundException(name, this);

    /// <summary>The visible column named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The column name (case-sensitive).</param>
    public Column? GetColumnOrNull(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _visibleIndexByName.TryGetValue(name, out int index) ? _columns[index] : null;
    }

    /// <summary>Creates a schema from detached column descriptions (in order; later names hide earlier ones).</summary>
    /// <param name="columns">The columns.</param>
    public static DataViewSchema Create(IEnumerable<DetachedColumn> columns) => new(columns.ToArray());

    /// <inheritdoc />
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _columns.Select(c => c.ToString()));
}
