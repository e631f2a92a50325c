using System.Collections;
using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>
/// What an estimator knows about a schema before seeing data: each column's name, whether it is a scalar or a
/// (fixed- or variable-size) vector, its item type, whether it is a key, and which annotations it has. Estimators use
/// it to check a whole pipeline before fitting anything.
/// </summary>
public sealed class SchemaShape : IReadOnlyList<SchemaShape.Column>
{
    private readonly Column[] _columns;

    /// <summary>Creates a shape from columns (names are unique; a later column replaces an earlier one of the same name).</summary>
    /// <param name="columns">The columns.</param>
    public SchemaShape(IEnumerable<Column> columns)
    {
        var byName = new Dictionary<string, int>();
        var list = new List<Column>();
        foreach (var column in columns)
        {
            if (byName.TryGetValue(column.Name, out int existing))
                list[existing] = column;
            else
            {
                byName[column.Name] = list.Count;
                list.Add(column);
            }
        }
        _columns = [.. list];
    }

    /// <summary>The shape of the visible columns of <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema.</param>
    public static SchemaShape Create(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new SchemaShape(schema.Where(c => !c.IsHidden).Select(c => Column.FromType(c.Name, c.Type, Create(c.Annotations.Schema))));
    }

    /// <summary>The number of columns.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="index"/>.</summary>
    /// <param name="index">A position in 0..Count-1.</param>
    public Column this[int index] => _columns[index];

    /// <summary>Finds a column by name.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="column">The column, when found.</param>
    public bool TryFindColumn(string name, out Column column)
    {
        foreach (var candidate in _columns)
        {
            if (candidate.Name == name)
            {
                column = candidate;
                return true;
            }
        }
        column = default;
        return false;
    }

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <exception cref="ColumnNotFoundException">No column has that name; the message lists those that do.</exception>
    public Column FindColumn(string name) =>
        TryFindColumn(name, out var column) ? column : throw new ColumnNotFoundException(name, _columns.Select(c => c.Name));

    /// <inheritdoc />
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The shape of one column.</summary>
    public readonly struct Column
    {
        /// <summary>Whether a column holds one item or a vector of items.</summary>
        public enum VectorKind
        {
            /// <summary>One item.</summary>
            Scalar,

            /// <summary>A vector of known size.</summary>
            Vector,

            /// <summary>A vector whose size varies from row to row.</summary>
            VariableVector,
        }

        /// <summary>Describes a column's shape.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="vecKind">Scalar, vector or variable vector.</param>
        /// <param name="itemType">The type of the items (the column type itself for scalars and for structured types such as images; <see cref="NumberDataViewType.UInt32"/> for keys, whose count is known only after fitting).</param>
        /// <param name="isKey">Whether the items are keys.</param>
        /// <param name="annotations">The shape of the column's annotations; null for none.</param>
        public Column(string name, VectorKind vecKind, DataViewType itemType, bool isKey, SchemaShape? annotations = null)
        {
            ArgumentNullException.ThrowIfNull(name);
            ArgumentNullException.ThrowIfNull(itemType);
            if (isKey && itemType.RawType != typeof(uint))
                throw new ArgumentException($"Column '{name}': keys are read as UInt32, not {itemType}.", nameof(itemType));
            Name = name;
            Kind = vecKind;
            ItemType = itemType;
            IsKey = isKey;
            Annotations = annotations ?? new SchemaShape([]);
        }

        /// <summary>The shape of a column of type <paramref name="type"/>.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="type">The full column type.</param>
        /// <param name="annotations">The shape of the column's annotations; null for none.</param>
        public static Column FromType(string name, DataViewType type, SchemaShape? annotations = null)
        {
            var (kind, item) = type is VectorDataViewType vector
                ? (vector.IsKnownSize ? VectorKind.Vector : VectorKind.VariableVector, (DataViewType)vector.ItemType)
                : (VectorKind.Scalar, type);
            bool isKey = item is KeyDataViewType;
            return new Column(name, kind, isKey ? NumberDataViewType.UInt32 : item, isKey, annotations);
        }

        /// <summary>The column name.</summary>
        public string Name { get; }

        /// <summary>Scalar, vector or variable vector.</summary>
        public VectorKind Kind { get; }

        /// <summary>The item type.</summary>
        public DataViewType ItemType { get; }

        /// <summary>Whether the items are keys.</summary>
        public bool IsKey { get; }

        /// <summary>The shape of the annotations (their kinds and types).</summary>
        public SchemaShape Annotations { get; }

        /// <summary>Whether a column of shape <paramref name="source"/> can be used where this shape is expected (same kind and item type, and at least these annotations).</summary>
        /// <param name="source">The shape that is offered.</param>
        public bool IsCompatibleWith(Column source) =>
            Name == source.Name && Kind == source.Kind && ItemType.Equals(source.ItemType) && IsKey == source.IsKey
            && Annotations.All(a => source.Annotations.TryFindColumn(a.Name, out var offered) && a.IsCompatibleWith(offered));

        /// <summary>A readable type, as used in error messages (for example <c>Vector&lt;Single&gt;</c>).</summary>
        public string GetTypeString()
        {
            string item = IsKey ? "Key" : ItemType.ToString();
            return Kind switch
            {
                VectorKind.Scalar => item,
                VectorKind.Vector => $"Vector<{item}>",
                _ => $"VarVector<{item}>",
            };
        }

        /// <inheritdoc />
        public override string ToString() => $"{Name}: {GetTypeString()}";
    }
}
