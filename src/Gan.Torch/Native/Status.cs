using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

/// <summary>Turns a gan_status into the matching typed exception, carrying libtorch's message.</summary>
internal static class Status
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(int status)
    {
        if (status != 0) Throw(status);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(int status)
    {
        string message = Marshal.PtrToStringUTF8(NativeMethods.gan_last_error()) ?? "unknown error";
        throw status switch
        {
            2 => new TorchIndexException(message),
            3 => new TorchValueException(message),
            4 => new TorchTypeException(message),
            5 => new TorchNotImplementedException(message),
            6 => new TorchOutOfMemoryException(message),
            7 => new TorchArgumentException(message),
            _ => new TorchException(message),
        };
    }
}
