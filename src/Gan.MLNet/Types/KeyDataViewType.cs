namespace Gan.MLNet.Data;

/// <summary>
/// A categorical column: values are <see cref="uint"/> keys in 1..<see cref="Count"/>, with 0 meaning missing.
/// The category behind each key is stored in the column's <see cref="AnnotationKinds.KeyValues"/> annotation.
/// </summary>
public sealed class KeyDataViewType : PrimitiveDataViewType
{
    /// <summary>Creates a key type with <paramref name="count"/> categories.</summary>
    /// <param name="rawType">The raw type of the key; only <see cref="uint"/> is supported.</param>
    /// <param name="count">The number of categories; must be positive.</param>
    public KeyDataViewType(Type rawType, ulong count) : base(rawType)
    {
        if (rawType != typeof(uint))
            throw new ArgumentException($"Key types are read as UInt32; '{rawType.Name}' is not supported.", nameof(rawType));
        if (count == 0 || count > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(count), count, "A key type needs between 1 and UInt32.MaxValue categories.");
        Count = count;
    }

    /// <summary>The number of categories (valid keys are 1..Count).</summary>
    public ulong Count { get; }

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) => other is KeyDataViewType key && key.Count == Count;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RawType, Count);

    /// <inheritdoc />
    public override string ToString() => $"Key<UInt32, 0-{Count - 1}>";
}
