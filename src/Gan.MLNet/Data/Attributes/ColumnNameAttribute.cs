namespace Gan.MLNet.Data;

/// <summary>Names the column a field or property maps to (by default the member's own name).</summary>
/// <param name="name">The column name.</param>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ColumnNameAttribute(string name) : Attribute
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));
}
