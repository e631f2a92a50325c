namespace Gan.Imaging.Native;

/// <summary>Turns a gan_status from an image call into an exception; codec failures become <see cref="ImageFormatException"/>.</summary>
internal static class ImagingStatus
{
    private const int ErrorArgument = 7;
    private const int ErrorImageFormat = 8;
    private const int ErrorOutOfMemory = 6;

    public static void Check(int status)
    {
        if (status == 0) return;
        string message = ImagingNativeMethods.LastError();
        throw status switch
        {
            ErrorImageFormat => new ImageFormatException(ImageFormatError.Corrupt, message),
            ErrorArgument => new ArgumentException(message),
            ErrorOutOfMemory => new OutOfMemoryException(message),
            _ => new InvalidOperationException(message),
        };
    }
}
