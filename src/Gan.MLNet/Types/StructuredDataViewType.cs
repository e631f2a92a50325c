namespace Gan.MLNet.Data;

/// <summary>A type whose values have inner structure (vectors, images).</summary>
public abstract class StructuredDataViewType : DataViewType
{
    /// <summary>Creates a structured type whose values are read as <paramref name="rawType"/>.</summary>
    /// <param name="rawType">The .NET type produced by getters of columns of this type.</param>
    protected StructuredDataViewType(Type rawType) : base(rawType) { }
}
