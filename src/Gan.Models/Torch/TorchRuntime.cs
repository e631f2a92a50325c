using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>
/// Loads libtorch with an error that says what to do, and decides on which device work runs.
/// </summary>
/// <remarks>
/// TorchSharp answers every load failure (a missing backend package, a too-old C++ runtime, an ABI mismatch) with
/// "doesn't contain a reference to libtorch-cpu-linux-x64", and leaves a ~480 MB <c>cpu/</c> folder in the
/// application's output as it tries a fallback. <see cref="EnsureLoaded"/> first loads the application's own copy of
/// TorchSharp's native library itself, so the dynamic loader's real message reaches the user; entry points of this
/// library call it before their first tensor operation.
/// </remarks>
public static class TorchRuntime
{
    private const string NativeLibraryFile = "libLibTorchSharp.so";
    private const string Advice =
        "Reference exactly one libtorch backend package in the application: libtorch-cpu-linux-x64 2.10.0 (CPU), or " +
        "libtorch-cuda-12.8-linux-x64 2.10.0 (NVIDIA GPU). On Debian 12 and Ubuntu 22.04, rebuild the application with " +
        "the Gan.MLNet package referenced: its build step makes TorchSharp's native library load on their older C++ runtime.";

    private static readonly Lazy<Device> ChosenDevice = new(ChooseDevice);
    private static readonly object LoadLock = new();
    private static bool _loaded;

    /// <summary>
    /// The device every network and tensor of this library is placed on; the one place that decides where work runs.
    /// </summary>
    /// <remarks>
    /// The device named by the <c>GAN_DEVICE</c> environment variable ("cpu", "cuda", "cuda:N"), else CUDA when the
    /// application carries the CUDA backend and sees a GPU, else the CPU. Read once per process.
    /// </remarks>
    /// <exception cref="TorchNativeLibraryException">libtorch cannot be loaded, or GAN_DEVICE names a device that is not there.</exception>
    public static Device DefaultDevice => ChosenDevice.Value;

    /// <summary>Loads libtorch once per process; every later call returns at once.</summary>
    /// <exception cref="TorchNativeLibraryException">libtorch cannot be loaded; the message says why and what to do.</exception>
    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref _loaded)) return;
        lock (LoadLock)
        {
            if (_loaded) return;
            // Read when libtorch loads: after that, convolutions on such CPUs stay wrong for the life of the process.
            OneDnnIsa.TryCapWhereCachesAreUndescribed();
            LoadApplicationCopy();
            try
            {
                InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e) when (e is NotSupportedException or TypeInitializationException or DllNotFoundException)
            {
                throw new TorchNativeLibraryException($"libtorch could not be loaded. {Advice}", e);
            }
            NnPack.TryDisableWhereCachesAreUndescribed();
            Volatile.Write(ref _loaded, true);
        }
    }

    // When the application carries TorchSharp's native library, load it by path: a failure then comes with the
    // dynamic loader's message (e.g. "version `GLIBCXX_3.4.32' not found") instead of TorchSharp's fallback.
    private static void LoadApplicationCopy()
    {
        if (!OperatingSystem.IsLinux()) return;
        string root = AppContext.BaseDirectory;
        string? path = new[] { Path.Combine(root, NativeLibraryFile), Path.Combine(root, "runtimes", "linux-x64", "native", NativeLibraryFile) }
            .FirstOrDefault(File.Exists);
        if (path is null) return;
        try
        {
            NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            // .NET's message opens with general advice (strace, LD_DEBUG); its last line is the dynamic loader's own.
            string loader = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            throw new TorchNativeLibraryException(
                $"libtorch could not be loaded: {loader} (run `ldd {path}` to see every missing library or version). {Advice}", e);
        }
    }

    private static Device ChooseDevice()
    {
        EnsureLoaded();
        string? requested = Environment.GetEnvironmentVariable("GAN_DEVICE");
        if (string.IsNullOrWhiteSpace(requested)) return cuda.is_available() ? CUDA : CPU;
        Device device;
        try
        {
            device = new Device(requested.Trim());
        }
        catch (Exception e) when (e is ArgumentException or FormatException or ExternalException)
        {
            throw new TorchNativeLibraryException($"GAN_DEVICE=\"{requested}\" is not a device (use cpu, cuda or cuda:N)", e);
        }
        if (device.type == DeviceType.CUDA && !(cuda.is_available() && (device.index < 0 || device.index < cuda.device_count())))
            throw new TorchNativeLibraryException($"GAN_DEVICE=\"{requested}\" names a GPU this process cannot use: the application " +
                "needs the CUDA backend package (libtorch-cuda-12.8-linux-x64 instead of libtorch-cpu-linux-x64) and a visible NVIDIA GPU");
        return device;
    }
}
