namespace Gan.MLNet.Data;

/// <summary>Numeric column types. Use the singletons <see cref="Single"/>, <see cref="Double"/>, <see cref="Int32"/>, <see cref="Int64"/>, <see cref="UInt32"/>.</summary>
public sealed class NumberDataViewType : PrimitiveDataViewType
{
    private NumberDataViewType(Type rawType) : base(rawType) { }

    /// <summary>32-bit floating point (<see cref="float"/>).</summary>
    public static NumberDataViewType Single { get; } = new(typeof(float));

    /// <summary>64-bit floating point (<see cref="double"/>).</summary>
    public static NumberDataViewType Double { get; } = new(typeof(double));

    /// <summary>32-bit signed integer (<see cref="int"/>).</summary>
    public static NumberDataViewType Int32 { get; } = new(typeof(int));

    /// <summary>64-bit signed integer (<see cref="long"/>).</summary>
    public static NumberDataViewType Int64 { get; } = new(typeof(long));

    /// <summary>32-bit unsigned integer (<see cref="uint"/>); also the item type of key columns in a <see cref="SchemaShape"/>.</summary>
    public static NumberDataViewType UInt32 { get; } = new(typeof(uint));

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => RawType.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => RawType.Name;
}
