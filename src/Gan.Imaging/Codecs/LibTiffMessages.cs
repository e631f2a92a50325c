using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace Gan.Imaging.Codecs;

/// <summary>
/// LibTiff.NET's diagnostics, which it would otherwise print to the console: the first error of the current call on
/// this thread is kept for the exception message, warnings are dropped. LibTiff.NET has one handler per process, so
/// installing ours replaces any other.
/// </summary>
internal sealed class LibTiffMessages : TiffErrorHandler
{
    [ThreadStatic] private static string? t_firstError;

    static LibTiffMessages() => Tiff.SetErrorHandler(new LibTiffMessages());

    private LibTiffMessages()
    {
    }

    /// <summary>Forgets the errors of earlier calls on this thread (and installs the handler on first use).</summary>
    public static void Clear() => t_firstError = null;

    /// <summary>The first error since <see cref="Clear"/>, or a placeholder when LibTiff.NET reported none.</summary>
    public static string FirstError => t_firstError ?? "LibTiff.NET reported no reason";

    public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) =>
        t_firstError ??= $"{method}: {string.Format(CultureInfo.InvariantCulture, format, args)}";

    public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
    {
    }

    public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
    {
    }

    public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
    {
    }
}
