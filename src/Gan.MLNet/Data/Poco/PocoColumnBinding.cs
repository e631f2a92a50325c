using System.Reflection;

namespace Gan.MLNet.Data;

/// <summary>
/// Moves values between one member of a class and one column: a getter reading the member of the current object
/// (LoadFromEnumerable), and a setter writing a row's value into an object (CreateEnumerable). Conversions: String ↔
/// text, T[] ↔ vector of T; otherwise the member's type must be the column's raw type.
/// </summary>
internal abstract class PocoColumnBinding<TRow> where TRow : class
{
    protected PocoColumnBinding(MemberInfo member, string columnName, DataViewType columnType)
    {
        Member = member;
        ColumnName = columnName;
        ColumnType = columnType;
    }

    public MemberInfo Member { get; }

    public string ColumnName { get; }

    public DataViewType ColumnType { get; }

    public static PocoColumnBinding<TRow> Create(MemberInfo member, string columnName, DataViewType columnType)
    {
        var memberType = SchemaDefinition.MemberType(member);
        var rawType = columnType.RawType;
        Type bindingType;
        if (memberType == rawType)
            bindingType = typeof(DirectBinding<,>).MakeGenericType(typeof(TRow), memberType);
        else if (memberType == typeof(string) && rawType == typeof(ReadOnlyMemory<char>))
            bindingType = typeof(TextBinding<>).MakeGenericType(typeof(TRow));
        else if (memberType.IsArray && rawType == typeof(VBuffer<>).MakeGenericType(memberType.GetElementType()!))
            bindingType = typeof(ArrayBinding<,>).MakeGenericType(typeof(TRow), memberType.GetElementType()!);
        else
            throw new SchemaMismatchException(columnName, $"a column that member '{typeof(TRow).Name}.{member.Name}' ({GetterTypeMismatchException.FriendlyName(memberType)}) can hold", columnType.ToString());
        return (PocoColumnBinding<TRow>)Activator.CreateInstance(bindingType, member, columnName, columnType)!;
    }

    /// <summary>A <see cref="ValueGetter{TValue}"/> of the column's raw type reading the member of <paramref name="currentRow"/>.</summary>
    public abstract Delegate CreateGetter(Func<TRow> currentRow, Func<long> position);

    /// <summary>An action copying <paramref name="row"/>'s value of <paramref name="column"/> into an object's member.</summary>
    public abstract Action<TRow> CreateSetter(DataViewRow row, DataViewSchema.Column column);

    protected InvalidOperationException NotWritable() =>
        new($"Member '{typeof(TRow).Name}.{Member.Name}' has no public setter, so column '{ColumnName}' cannot be written to it.");
}

internal sealed class DirectBinding<TRow, T>(MemberInfo member, string columnName, DataViewType columnType)
    : PocoColumnBinding<TRow>(member, columnName, columnType) where TRow : class
{
    public override Delegate CreateGetter(Func<TRow> currentRow, Func<long> position)
    {
        var get = MemberAccess.Getter<TRow, T>(Member);
        return (ValueGetter<T>)((ref T value) => value = get(currentRow()));
    }

    public override Action<TRow> CreateSetter(DataViewRow row, DataViewSchema.Column column)
    {
        var set = MemberAccess.Setter<TRow, T>(Member) ?? throw NotWritable();
        var getter = row.GetGetter<T>(column);
        return target =>
        {
            T value = default!;
            getter(ref value);
            set(target, value);
        };
    }
}

internal sealed class TextBinding<TRow>(MemberInfo member, string columnName, DataViewType columnType)
    : PocoColumnBinding<TRow>(member, columnName, columnType) where TRow : class
{
    public override Delegate CreateGetter(Func<TRow> currentRow, Func<long> position)
    {
        var get = MemberAccess.Getter<TRow, string?>(Member);
        return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = get(currentRow()).AsMemory());
    }

    public override Action<TRow> CreateSetter(DataViewRow row, DataViewSchema.Column column)
    {
        var set = MemberAccess.Setter<TRow, string?>(Member) ?? throw NotWritable();
        var getter = row.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> value = default;
        return target =>
        {
            getter(ref value);
            set(target, value.ToString());
        };
    }
}

internal sealed class ArrayBinding<TRow, TItem>(MemberInfo member, string columnName, DataViewType columnType)
    : PocoColumnBinding<TRow>(member, columnName, columnType) where TRow : class
{
    public override Delegate CreateGetter(Func<TRow> currentRow, Func<long> position)
    {
        var get = MemberAccess.Getter<TRow, TItem[]?>(Member);
        int size = ((VectorDataViewType)ColumnType).Size;
        return (ValueGetter<VBuffer<TItem>>)((ref VBuffer<TItem> value) =>
        {
            var array = get(currentRow()) ?? [];
            if (size > 0 && array.Length != size)
                throw new InvalidOperationException($"Column '{ColumnName}' is a vector of {size} items, but the object at row {position()} has {array.Length} in '{Member.Name}'.");
            var editor = VBufferEditor.Create(ref value, array.Length);
            array.CopyTo(editor.Values);
            value = editor.Commit();
        });
    }

    public override Action<TRow> CreateSetter(DataViewRow row, DataViewSchema.Column column)
    {
        var set = MemberAccess.Setter<TRow, TItem[]?>(Member) ?? throw NotWritable();
        var get = MemberAccess.Getter<TRow, TItem[]?>(Member);
        var getter = row.GetGetter<VBuffer<TItem>>(column);
        VBuffer<TItem> buffer = default;
        return target =>
        {
            getter(ref buffer);
            // A reused object keeps its array when the length matches: no allocation per row.
            var existing = get(target);
            var array = existing is not null && existing.Length == buffer.Length ? existing : new TItem[buffer.Length];
            buffer.GetValues().CopyTo(array);
            set(target, array);
        };
    }
}
