using System.Reflection;

namespace Gan.MLNet.Data;

/// <summary>
/// How the public fields and properties of a class map to columns: the name and type of each. Create it with
/// <see cref="Create"/> (which reads the attributes) and adjust a column's <see cref="Column.ColumnType"/> to override
/// what the attributes say, for example a vector size known only at run time.
/// </summary>
public sealed class SchemaDefinition : List<SchemaDefinition.Column>
{
    /// <summary>Which accessors a member needs to become a column.</summary>
    [Flags]
    public enum Direction
    {
        /// <summary>Members that can be read (class → view).</summary>
        Read = 1,

        /// <summary>Members that can be written (view → class).</summary>
        Write = 2,

        /// <summary>Members that can be read and written.</summary>
        Both = Read | Write,
    }

    /// <summary>The mapping of one member to one column.</summary>
    public sealed class Column
    {
        /// <summary>Maps <paramref name="memberName"/> to a column.</summary>
        /// <param name="memberName">The field or property name.</param>
        /// <param name="columnName">The column name.</param>
        /// <param name="columnType">The column type.</param>
        public Column(string memberName, string columnName, DataViewType columnType)
        {
            MemberName = memberName ?? throw new ArgumentNullException(nameof(memberName));
            ColumnName = columnName ?? throw new ArgumentNullException(nameof(columnName));
            ColumnType = columnType ?? throw new ArgumentNullException(nameof(columnType));
        }

        /// <summary>The field or property name.</summary>
        public string MemberName { get; set; }

        /// <summary>The column name.</summary>
        public string ColumnName { get; set; }

        /// <summary>The column type.</summary>
        public DataViewType ColumnType { get; set; }
    }

    /// <summary>Reads the column mapping of <paramref name="userType"/> from its public fields, properties and attributes.</summary>
    /// <param name="userType">The class.</param>
    /// <param name="direction">Which accessors members need.</param>
    public static SchemaDefinition Create(Type userType, Direction direction = Direction.Both)
    {
        ArgumentNullException.ThrowIfNull(userType);
        var definition = new SchemaDefinition();
        foreach (var member in ColumnMembers(userType, direction))
            definition.Add(new Column(member.Name, ColumnNameOf(member), ClrTypeMapping.InferColumnType(member)));
        return definition;
    }

    /// <summary>The column name of a member: its <see cref="ColumnNameAttribute"/>, or its own name.</summary>
    internal static string ColumnNameOf(MemberInfo member) => member.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? member.Name;

    internal static IEnumerable<MemberInfo> ColumnMembers(Type userType, Direction direction)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        var fields = userType.GetFields(flags).Where(f => !f.IsInitOnly || !direction.HasFlag(Direction.Write)).Cast<MemberInfo>();
        var properties = userType.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0
            && (!direction.HasFlag(Direction.Read) || p.CanRead)
            && (!direction.HasFlag(Direction.Write) || p.SetMethod is { IsPublic: true }));
        return fields.Concat(properties).Where(m => m.GetCustomAttribute<NoColumnAttribute>() is null).OrderBy(m => DeclarationOrder(userType, m));
    }

    /// <summary>
    /// Columns follow the order members are declared in. Fields and properties live in separate metadata tables, so an
    /// auto-property is placed by its compiler-generated backing field; other properties come after all fields.
    /// </summary>
    private static long DeclarationOrder(Type userType, MemberInfo member)
    {
        const int rowMask = 0xFFFFFF;
        if (member is FieldInfo field)
            return field.MetadataToken & rowMask;
        var backingField = userType.GetField($"<{member.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance);
        return backingField is not null ? backingField.MetadataToken & rowMask : (1L << 32) + (member.MetadataToken & rowMask);
    }

    internal static Type MemberType(MemberInfo member) =>
        member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
}
