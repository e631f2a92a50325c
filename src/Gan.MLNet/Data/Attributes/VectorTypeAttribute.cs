namespace Gan.MLNet.Data;

/// <summary>Declares an array member as a vector column, of fixed shape when <see cref="Dimensions"/> are given.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class VectorTypeAttribute : Attribute
{
    /// <summary>Declares a variable-size vector.</summary>
    public VectorTypeAttribute() => Dimensions = [];

    /// <summary>Declares a fixed-size vector of <paramref name="size"/> items.</summary>
    /// <param name="size">The number of items.</param>
    public VectorTypeAttribute(int size) => Dimensions = [size];

    /// <summary>Declares a fixed-shape vector (for example 28, 28).</summary>
    /// <param name="dimensions">The shape.</param>
    public VectorTypeAttribute(params int[] dimensions) => Dimensions = dimensions ?? [];

    /// <summary>The shape; empty for a variable-size vector.</summary>
    public int[] Dimensions { get; }
}
