using System.Runtime.InteropServices;

namespace Gan.Models.Torch;

/// <summary>
/// The process's environment variables and loaded libraries as native code sees them: .NET's
/// <see cref="Environment"/> keeps a copy of the variables taken at start-up, while libtorch and the libraries under
/// it read the C library's.
/// </summary>
internal static class NativeEnvironment
{
    /// <summary>The variable's value in .NET's copy or, on Linux, in the C environment; null where it is set in neither.</summary>
    public static string? Get(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? (OperatingSystem.IsLinux() && LibC.GetEnv(name) is var value && value != IntPtr.Zero ? Marshal.PtrToStringUTF8(value) : null);

    /// <summary>Whether the variable is set in either environment.</summary>
    public static bool IsSet(string name) => Get(name) is not null;

    /// <summary>Sets the variable in the C environment unless it is set there already (Linux only; false elsewhere).</summary>
    /// <exception cref="InvalidOperationException"><c>setenv</c> failed.</exception>
    public static bool TrySet(string name, string value)
    {
        if (!OperatingSystem.IsLinux()) return false;
        if (LibC.SetEnv(name, value, overwrite: 0) != 0)
            throw new InvalidOperationException($"setenv({name}) failed: error {Marshal.GetLastPInvokeError()}");
        return true;
    }

    /// <summary>Whether a library whose path contains <paramref name="libraryPath"/> (e.g. "/libtorch_cpu") is mapped into the process (Linux only; false elsewhere).</summary>
    public static bool IsLoaded(string libraryPath) =>
        OperatingSystem.IsLinux() && File.ReadLines("/proc/self/maps").Any(line => line.Contains(libraryPath, StringComparison.Ordinal));
}
