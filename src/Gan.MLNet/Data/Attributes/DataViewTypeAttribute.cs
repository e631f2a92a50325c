namespace Gan.MLNet.Data;

/// <summary>
/// The extension point for column types beyond numbers, text, keys and vectors: an attribute deriving from this one
/// tells LoadFromEnumerable which <see cref="DataViewType"/> a member has (an image type attribute, for example, gives
/// an image column with a fixed height and width). The member's .NET type must be the type's raw type.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public abstract class DataViewTypeAttribute : Attribute
{
    /// <summary>The column type of a member of .NET type <paramref name="memberType"/>.</summary>
    /// <param name="memberType">The field or property type.</param>
    public abstract DataViewType GetColumnType(Type memberType);
}
