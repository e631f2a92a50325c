using System.Reflection;
using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

/// <summary>
/// Finds libgan_native beside the assembly and turns a failed load into one message that says how to fix it:
/// the usual cause is a machine without libtorch, which the loader reports as an obscure missing .so.
/// </summary>
internal static class NativeLibraryResolver
{
    internal const string LibraryName = "gan_native";

    /// <summary>Called once, from NativeMethods' static constructor, before the first native call.</summary>
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName) return IntPtr.Zero;
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "libgan_native.so"),
            Path.Combine(Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory, "libgan_native.so"),
        };
        Exception? lastError = null;
        foreach (var path in candidates.Distinct())
        {
            if (!File.Exists(path)) continue;
            try
            {
                return NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                lastError = e;
            }
        }
        if (NativeLibrary.TryLoad("libgan_native.so", assembly, searchPath, out var handle)) return handle;
        throw new TorchNativeLibraryException(lastError is null
            ? $"libgan_native.so was not found next to {assembly.GetName().Name}.dll ({AppContext.BaseDirectory}). " +
              "It is built by the Gan.Torch project; rebuild with `dotnet build` after `bash scripts/setup.sh`."
            : "libgan_native.so could not be loaded, usually because libtorch is not installed. " +
              "Run `bash scripts/setup.sh` (it installs Debian's libtorch-dev and OpenBLAS). Loader said: " +
              lastError.Message, lastError);
    }
}
