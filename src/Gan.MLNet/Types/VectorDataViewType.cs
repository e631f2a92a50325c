using System.Collections.Immutable;

namespace Gan.MLNet.Data;

/// <summary>
/// A vector column of <see cref="ItemType"/> items, read as <see cref="VBuffer{T}"/>. Fixed-size vectors carry their
/// <see cref="Dimensions"/> (for example 28×28); a dimension of 0 makes the vector variable-sized.
/// </summary>
public sealed class VectorDataViewType : StructuredDataViewType
{
    /// <summary>Creates a vector type.</summary>
    /// <param name="itemType">The type of each item.</param>
    /// <param name="dimensions">The shape; none, or any dimension 0, means variable size.</param>
    public VectorDataViewType(PrimitiveDataViewType itemType, params int[] dimensions)
        : base(typeof(VBuffer<>).MakeGenericType(itemType?.RawType ?? throw new ArgumentNullException(nameof(itemType))))
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Any(d => d < 0))
            throw new ArgumentOutOfRangeException(nameof(dimensions), "Vector dimensions cannot be negative.");
        ItemType = itemType;
        Dimensions = [.. dimensions];
        long size = dimensions.Length == 0 ? 0 : dimensions.Aggregate(1L, (product, d) => product * d);
        if (size > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(dimensions), "A vector cannot hold more than Int32.MaxValue items.");
        Size = (int)size;
    }

    /// <summary>The type of each item.</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>The shape of the vector (empty when variable-sized).</summary>
    public ImmutableArray<int> Dimensions { get; }

    /// <summary>The number of items, or 0 when the size varies from row to row.</summary>
    public int Size { get; }

    /// <summary>Whether every value has exactly <see cref="Size"/> items.</summary>
    public bool IsKnownSize => Size > 0;

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) =>
        other is VectorDataViewType vector && vector.ItemType.Equals(ItemType) && vector.Dimensions.SequenceEqual(Dimensions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ItemType, Size);

    /// <inheritdoc />
    public override string ToString() =>
        IsKnownSize ? $"Vector<{ItemType}, {string.Join(", ", Dimensions)}>" : $"Vector<{ItemType}>";
}
