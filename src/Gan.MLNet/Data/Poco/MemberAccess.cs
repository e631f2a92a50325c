using System.Linq.Expressions;
using System.Reflection;

namespace Gan.MLNet.Data;

/// <summary>Compiled, non-boxing accessors for a field or property (reflection's GetValue would box every value of every row).</summary>
internal static class MemberAccess
{
    public static Func<TRow, TMember> Getter<TRow, TMember>(MemberInfo member)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        return Expression.Lambda<Func<TRow, TMember>>(Expression.MakeMemberAccess(row, member), row).Compile();
    }

    public static Action<TRow, TMember>? Setter<TRow, TMember>(MemberInfo member)
    {
        bool writable = member switch
        {
            FieldInfo field => !field.IsInitOnly,
            PropertyInfo property => property.SetMethod is { IsPublic: true },
            _ => false,
        };
        if (!writable)
            return null;
        var row = Expression.Parameter(typeof(TRow), "row");
        var value = Expression.Parameter(typeof(TMember), "value");
        var assign = Expression.Assign(Expression.MakeMemberAccess(row, member), value);
        return Expression.Lambda<Action<TRow, TMember>>(assign, row, value).Compile();
    }
}
