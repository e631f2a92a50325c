using System.Runtime.InteropServices;

namespace Gan.Models.Torch;

/// <summary>The C library's functions that .NET does not wrap.</summary>
internal static partial class LibC
{
    // .NET's Environment.SetEnvironmentVariable changes only the runtime's own copy; native libraries read C's.
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr GetEnv(string name);

    // glibc only: gives the free pages of every malloc arena back to the kernel.
    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    internal static partial int MallocTrim(nuint pad);

    // glibc only: tunes the allocator (M_MMAP_THRESHOLD, M_TRIM_THRESHOLD, …); 1 on success.
    [LibraryImport("libc", EntryPoint = "mallopt")]
    internal static partial int MallOpt(int option, int value);
}
