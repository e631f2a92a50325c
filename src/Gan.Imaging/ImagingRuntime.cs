using System.Runtime.InteropServices;
using Gan.Imaging.Native;

namespace Gan.Imaging;

/// <summary>Facts about the native image stack, for diagnostics and bug reports.</summary>
public static class ImagingRuntime
{
    /// <summary>The OpenCV version gan_native was compiled against (e.g. "4.6.0").</summary>
    public static string OpenCvVersion => Marshal.PtrToStringUTF8(ImagingNativeMethods.gan_opencv_version()) ?? "";
}
