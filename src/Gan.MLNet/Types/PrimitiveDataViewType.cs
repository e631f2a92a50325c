namespace Gan.MLNet.Data;

/// <summary>A type whose values are single items (numbers, booleans, text, keys); vectors are built from these.</summary>
public abstract class PrimitiveDataViewType : DataViewType
{
    /// <summary>Creates a primitive type whose values are read as <paramref name="rawType"/>.</summary>
    /// <param name="rawType">The .NET type produced by getters of columns of this type.</param>
    protected PrimitiveDataViewType(Type rawType) : base(rawType) { }
}
