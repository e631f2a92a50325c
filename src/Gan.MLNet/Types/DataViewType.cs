namespace Gan.MLNet.Data;

/// <summary>
/// The type of a column in an <see cref="IDataView"/>. Every type names the .NET <see cref="RawType"/> that a
/// <see cref="ValueGetter{TValue}"/> for the column produces; the set of types is open, so new kinds of columns
/// (images, for example) are added by deriving from <see cref="PrimitiveDataViewType"/> or
/// <see cref="StructuredDataViewType"/> without changes elsewhere.
/// </summary>
public abstract class DataViewType : IEquatable<DataViewType>
{
    /// <summary>Creates a type whose values are read as <paramref name="rawType"/>.</summary>
    /// <param name="rawType">The .NET type produced by getters of columns of this type.</param>
    protected DataViewType(Type rawType)
    {
        ArgumentNullException.ThrowIfNull(rawType);
        RawType = rawType;
    }

    /// <summary>The .NET type that getters of this column type produce.</summary>
    public Type RawType { get; }

    /// <summary>Whether <paramref name="other"/> describes the same column type.</summary>
    public abstract bool Equals(DataViewType? other);

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is DataViewType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => RawType.GetHashCode();

    /// <summary>A readable name of the type, used in error messages (for example <c>Vector&lt;Single, 4&gt;</c>).</summary>
    public abstract override string ToString();
}
