using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

/// <summary>The ABI's gan_scalar: a number tagged as floating, integral or boolean.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeScalar
{
    public int Kind;
    public int Reserved;
    public double D;
    public long I;

    public const int Floating = 0;
    public const int Integral = 1;
    public const int Boolean = 2;
}
