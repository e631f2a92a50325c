using System.Runtime.InteropServices;
using Gan.Torch.Native;

namespace Gan.Imaging.Native;

/// <summary>P/Invoke declarations of the image part of gan_native.h (src/Gan.Native/src/image.cpp).</summary>
internal static unsafe partial class ImagingNativeMethods
{
    private const string Lib = NativeLibraryResolver.LibraryName;

    // Import resolvers are per assembly; this one shares Gan.Torch's loader.
    static ImagingNativeMethods() => NativeLibraryResolver.Register(typeof(ImagingNativeMethods).Assembly);

    [LibraryImport(Lib)] internal static partial IntPtr gan_last_error();
    [LibraryImport(Lib)] internal static partial IntPtr gan_opencv_version();
    [LibraryImport(Lib)] internal static partial void gan_image_buffer_free(byte* buffer);

    [LibraryImport(Lib)]
    internal static partial int gan_image_decode(byte* data, long size, out byte* pixels, out int width,
        out int height, out int channels);

    [LibraryImport(Lib)]
    internal static partial int gan_image_encode(byte* pixels, int width, int height, int channels, int format,
        int quality, out byte* encoded, out long size);

    [LibraryImport(Lib)]
    internal static partial int gan_image_resize(byte* src, int width, int height, int channels, byte* dst,
        int dstWidth, int dstHeight, int method);

    /// <summary>The message of the last failed call on this thread.</summary>
    internal static string LastError() => Marshal.PtrToStringUTF8(gan_last_error()) ?? "unknown error";
}
