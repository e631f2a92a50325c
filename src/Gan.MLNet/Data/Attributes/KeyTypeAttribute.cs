namespace Gan.MLNet.Data;

/// <summary>Declares a <see cref="uint"/> member (or a <see cref="uint"/> array) as a key column with <see cref="Count"/> categories.</summary>
/// <param name="count">The number of categories.</param>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class KeyTypeAttribute(ulong count) : Attribute
{
    /// <summary>The number of categories.</summary>
    public ulong Count { get; } = count;
}
