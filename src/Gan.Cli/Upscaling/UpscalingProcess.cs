using Gan.Models.Torch;

namespace Gan.Cli.Upscaling;

/// <summary>
/// Sets this process up for upscaling images of many sizes, once, before libtorch loads and before any network or
/// worker thread starts. Each new image size makes libtorch compile new convolution kernels and allocate new
/// activations; with libtorch's defaults the process grows for the first several hundred images of a job
/// (docs/benchmarks.md). The CLI owns its process, so it may change process-wide settings.
/// </summary>
internal static class UpscalingProcess
{
    // A photo compiles a handful of kernels in the ×2 SRResNet (its distinct layer shapes, ONEDNN_VERBOSE=2); this many
    // hold a few photos, and the tiles of one large image share their shapes.
    private const int KernelCacheCapacity = 16;

    // The network's OpenMP threads share the cores with the decoders and encoders: a short spin before sleeping ran
    // a job of photos faster than GNU OpenMP's default (docs/benchmarks.md).
    private const long OpenMpSpinCount = 1000;

    /// <summary>
    /// A short OpenMP spin, large activations on huge pages (far fewer page faults), blocks of 16 MiB and more always
    /// in mappings of their own (heaps that the photo sizes cannot fragment), and small kernel caches: ideep's
    /// per-thread convolution plans, which hold the kernels, and oneDNN's own.
    /// </summary>
    /// <remarks>
    /// libtorch and OpenMP read these from the C environment when they load, so they are written before the first
    /// tensor operation and while no other thread reads the environment. Each leaves a variable the user has set
    /// alone, and does nothing where libtorch is already loaded (the CLI's tests run it in their own process).
    /// </remarks>
    public static void Configure()
    {
        NativeSettings.TrySetOpenMpSpinCount(OpenMpSpinCount);
        NativeSettings.TrySetConvolutionPlanCacheCapacity(KernelCacheCapacity);
        NativeSettings.TryEnableHugePageTensors();
        NativeSettings.TrySetOneDnnPrimitiveCacheCapacity(KernelCacheCapacity);
        AllocatorSettings.TryMapLargeBlocksSeparately();
    }
}
