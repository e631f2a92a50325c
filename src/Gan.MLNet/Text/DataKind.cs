namespace Gan.MLNet.Data;

/// <summary>The type of a column read from text (<see cref="TextLoader.Column"/>), as in ML.NET.</summary>
public enum DataKind
{
    /// <summary>A Boolean: <c>true</c>, <c>false</c>, <c>1</c> or <c>0</c> (any letter case).</summary>
    Boolean = 0,

    /// <summary>32-bit floating point; an empty field is NaN.</summary>
    Single = 1,

    /// <summary>64-bit floating point; an empty field is NaN.</summary>
    Double = 2,

    /// <summary>32-bit signed integer.</summary>
    Int32 = 3,

    /// <summary>64-bit signed integer.</summary>
    Int64 = 4,

    /// <summary>32-bit unsigned integer; with <see cref="TextLoader.Column.KeyCount"/>, a key (0 = missing).</summary>
    UInt32 = 5,

    /// <summary>Text, read as <see cref="ReadOnlyMemory{T}"/> of char.</summary>
    String = 6,
}
