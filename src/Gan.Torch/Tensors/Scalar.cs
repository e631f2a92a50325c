using Gan.Torch.Native;

namespace Gan.Torch;

/// <summary>
/// A number passed to an operation. Integral and floating values stay distinct, as in PyTorch: adding the integer 2
/// to an int64 tensor keeps it int64; adding 2.0 promotes it to float.
/// </summary>
public readonly struct Scalar
{
    internal readonly NativeScalar Native;

    private Scalar(NativeScalar native) => Native = native;

    /// <summary>True when the value is integral (or boolean).</summary>
    public bool IsIntegral => Native.Kind != NativeScalar.Floating;

    /// <summary>The value as a double.</summary>
    public double ToDouble() => Native.Kind == NativeScalar.Floating ? Native.D : Native.I;

    /// <summary>The value as a long (floating values are truncated).</summary>
    public long ToInt64() => Native.Kind == NativeScalar.Floating ? (long)Native.D : Native.I;

    /// <summary>A floating scalar.</summary>
    public static implicit operator Scalar(double value) => new(new NativeScalar { Kind = NativeScalar.Floating, D = value });

    /// <summary>A floating scalar.</summary>
    public static implicit operator Scalar(float value) => new(new NativeScalar { Kind = NativeScalar.Floating, D = value });

    /// <summary>An integral scalar.</summary>
    public static implicit operator Scalar(long value) => new(new NativeScalar { Kind = NativeScalar.Integral, I = value });

    /// <summary>An integral scalar.</summary>
    public static implicit operator Scalar(int value) => new(new NativeScalar { Kind = NativeScalar.Integral, I = value });

    /// <summary>A boolean scalar.</summary>
    public static implicit operator Scalar(bool value) =>
        new(new NativeScalar { Kind = NativeScalar.Boolean, I = value ? 1 : 0 });

    internal static Scalar FromNative(NativeScalar native) => new(native);

    /// <inheritdoc />
    public override string ToString() => Native.Kind switch
    {
        NativeScalar.Floating => Native.D.ToString(System.Globalization.CultureInfo.InvariantCulture),
        NativeScalar.Boolean => Native.I != 0 ? "true" : "false",
        _ => Native.I.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
