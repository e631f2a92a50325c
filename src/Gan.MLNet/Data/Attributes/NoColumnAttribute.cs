namespace Gan.MLNet.Data;

/// <summary>Excludes a field or property from the columns of a class used with LoadFromEnumerable / CreateEnumerable.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class NoColumnAttribute : Attribute;
