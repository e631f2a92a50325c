using System.Collections.Concurrent;
using System.Reflection;

namespace Gan.MLNet.Data;

/// <summary>Reaches <see cref="DataViewRow.GetGetter{TValue}"/> when the raw type is known only at run time.</summary>
internal static class UntypedGetters
{
    private static readonly MethodInfo GetGetterDefinition = typeof(DataViewRow).GetMethod(nameof(DataViewRow.GetGetter))!;
    private static readonly ConcurrentDictionary<Type, MethodInfo> Closed = new();

    public static Delegate GetGetter(DataViewRow row, DataViewSchema.Column column)
    {
        var method = Closed.GetOrAdd(column.Type.RawType, t => GetGetterDefinition.MakeGenericMethod(t));
        try
        {
            return (Delegate)method.Invoke(row, [column])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Casts a getter produced by a transform to the requested type, with an error naming the column if the transform produced another type.</summary>
    public static ValueGetter<TValue> Cast<TValue>(Delegate getter, DataViewSchema.Column column) =>
        getter as ValueGetter<TValue> ?? throw new GetterTypeMismatchException(column.Name, column.Type, typeof(TValue));
}
