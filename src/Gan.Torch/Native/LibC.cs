using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

/// <summary>The C library's functions that .NET does not wrap.</summary>
internal static partial class LibC
{
    // .NET's Environment.SetEnvironmentVariable changes only the runtime's own copy; native libraries read C's.
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int SetEnv(string name, string value, int overwrite);
}
