using Gan.MLNet.Data;

namespace Gan.MLNet;

public sealed partial class DataViewSchema
{
    /// <summary>A column of a schema: its name, position, type and annotations.</summary>
    public readonly struct Column : IEquatable<Column>
    {
        /// <summary>Creates a column description. Schemas assign <paramref name="index"/> and <paramref name="isHidden"/>; the constructor is public so that tests and custom views can describe columns.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="index">The position in its schema.</param>
        /// <param name="isHidden">Whether a later column with the same name hides this one.</param>
        /// <param name="type">The column type.</param>
        /// <param name="annotations">Annotations; null for none.</param>
        public Column(string name, int index, bool isHidden, DataViewType type, Annotations? annotations = null)
        {
            ArgumentNullException.ThrowIfNull(name);
            ArgumentNullException.ThrowIfNull(type);
            Name = name;
            Index = index;
            IsHidden = isHidden;
            Type = type;
            Annotations = annotations ?? Annotations.Empty;
        }

        /// <summary>The column name.</summary>
        public string Name { get; }

        /// <summary>The position of the column in its schema.</summary>
        public int Index { get; }

        /// <summary>Whether a later column with the same name hides this one from name lookups.</summary>
        public bool IsHidden { get; }

        /// <summary>The column type.</summary>
        public DataViewType Type { get; }

        /// <summary>Extra information about the column, such as the values behind a key.</summary>
        public Annotations Annotations { get; }

        /// <inheritdoc />
        public bool Equals(Column other) => Index == other.Index && Name == other.Name && Type.Equals(other.Type);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is Column other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Name, Index, Type);

        /// <summary>Whether two columns are the same column of the same-shaped schema.</summary>
        public static bool operator ==(Column left, Column right) => left.Equals(right);

        /// <summary>Whether two columns differ.</summary>
        public static bool operator !=(Column left, Column right) => !left.Equals(right);

        /// <inheritdoc />
        public override string ToString() => $"{Name} ({Index}): {Type}{(IsHidden ? " (hidden)" : "")}";
    }

    /// <summary>A column description not yet placed in a schema: name, type and annotations.</summary>
    public readonly struct DetachedColumn
    {
        /// <summary>Describes a column.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="type">The column type.</param>
        /// <param name="annotations">Annotations; null for none.</param>
        public DetachedColumn(string name, DataViewType type, Annotations? annotations = null)
        {
            ArgumentNullException.ThrowIfNull(name);
            ArgumentNullException.ThrowIfNull(type);
            Name = name;
            Type = type;
            Annotations = annotations ?? Annotations.Empty;
        }

        /// <summary>Detaches an existing column, keeping its name, type and annotations.</summary>
        /// <param name="column">The column to copy.</param>
        public DetachedColumn(Column column) : this(column.Name, column.Type, column.Annotations) { }

        /// <summary>The column name.</summary>
        public string Name { get; }

        /// <summary>The column type.</summary>
        public DataViewType Type { get; }

        /// <summary>The column annotations.</summary>
        public Annotations Annotations { get; }
    }
}
