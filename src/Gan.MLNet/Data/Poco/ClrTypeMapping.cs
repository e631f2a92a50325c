using System.Reflection;

namespace Gan.MLNet.Data;

/// <summary>The column type a class member has: built-in .NET types map to built-in column types; attributes add keys, vector shapes and custom types.</summary>
internal static class ClrTypeMapping
{
    public static DataViewType InferColumnType(MemberInfo member)
    {
        var memberType = SchemaDefinition.MemberType(member);
        if (member.GetCustomAttribute<DataViewTypeAttribute>(inherit: true) is { } custom)
            return custom.GetColumnType(memberType);
        if (memberType == typeof(Gan.Imaging.Image))
            return new ImageDataViewType();

        var key = member.GetCustomAttribute<KeyTypeAttribute>();
        var vector = member.GetCustomAttribute<VectorTypeAttribute>();
        var itemClrType = VectorItemType(memberType);
        if (itemClrType is null)
        {
            if (vector is not null)
                throw Unsupported(member, memberType, "[VectorType] needs an array member");
            return ItemType(member, memberType, key);
        }
        return new VectorDataViewType(ItemType(member, itemClrType, key), vector?.Dimensions ?? []);
    }

    private static Type? VectorItemType(Type memberType)
    {
        if (memberType.IsArray && memberType.GetArrayRank() == 1)
            return memberType.GetElementType();
        if (memberType.IsGenericType && memberType.GetGenericTypeDefinition() == typeof(VBuffer<>))
            return memberType.GetGenericArguments()[0];
        return null;
    }

    private static PrimitiveDataViewType ItemType(MemberInfo member, Type clrType, KeyTypeAttribute? key)
    {
        if (key is not null)
        {
            return clrType == typeof(uint)
                ? new KeyDataViewType(typeof(uint), key.Count)
                : throw Unsupported(member, clrType, "[KeyType] needs a UInt32 member");
        }
        if (clrType == typeof(float)) return NumberDataViewType.Single;
        if (clrType == typeof(double)) return NumberDataViewType.Double;
        if (clrType == typeof(int)) return NumberDataViewType.Int32;
        if (clrType == typeof(long)) return NumberDataViewType.Int64;
        if (clrType == typeof(uint)) return NumberDataViewType.UInt32;
        if (clrType == typeof(bool)) return BooleanDataViewType.Instance;
        if (clrType == typeof(string) || clrType == typeof(ReadOnlyMemory<char>)) return TextDataViewType.Instance;
        throw Unsupported(member, clrType, "supported types are Single, Double, Int32, Int64, UInt32, Boolean, String, UInt32 with [KeyType], arrays of these, and types declared by a DataViewTypeAttribute");
    }

    private static ArgumentOutOfRangeException Unsupported(MemberInfo member, Type clrType, string why) =>
        new(member.Name, $"Member '{member.DeclaringType?.Name}.{member.Name}' of type {GetterTypeMismatchException.FriendlyName(clrType)} cannot be a column: {why}.");
}
