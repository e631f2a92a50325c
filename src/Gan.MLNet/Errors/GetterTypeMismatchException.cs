using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>A getter was asked for with a .NET type other than the column's raw type.</summary>
public sealed class GetterTypeMismatchException : InvalidOperationException
{
    /// <summary>Creates the error.</summary>
    /// <param name="columnName">The column.</param>
    /// <param name="columnType">The column's type.</param>
    /// <param name="requestedType">The .NET type the caller asked for.</param>
    public GetterTypeMismatchException(string columnName, DataViewType columnType, Type requestedType)
        : base($"Column '{columnName}' has type {columnType}, read as {FriendlyName(columnType.RawType)}; a getter of {FriendlyName(requestedType)} was requested.")
    {
        ColumnName = columnName;
        ColumnType = columnType;
        RequestedType = requestedType;
    }

    /// <summary>The column.</summary>
    public string ColumnName { get; }

    /// <summary>The column's type.</summary>
    public DataViewType ColumnType { get; }

    /// <summary>The .NET type the caller asked for.</summary>
    public Type RequestedType { get; }

    internal static string FriendlyName(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(FriendlyName))}>"
            : type.Name;
}
