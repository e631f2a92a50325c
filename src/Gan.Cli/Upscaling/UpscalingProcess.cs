using Gan.Torch;

namespace Gan.Cli.Upscaling;

/// <summary>
/// Sets this process up for upscaling images of many sizes, once, before any network or worker thread starts. Each
/// new image size makes libtorch compile new convolution kernels and allocate new activations; with libtorch's
/// defaults the process grows for the first several hundred images of a job (docs/benchmarks.md). The CLI owns its
/// process, so it may change process-wide settings.
/// </summary>
internal static class UpscalingProcess
{
    // A photo compiles about 6 kernels in the ×2 SRResNet (its distinct layer shapes, ONEDNN_VERBOSE=2); 16 hold 2–3
    // photos, and the tiles of one large image share their shapes.
    private const int KernelCacheCapacity = 16;

    // The network's OpenMP threads share the cores with the decoders and encoders: a short spin before sleeping let
    // 200 photos run 1.1× faster than GNU OpenMP's default of 300,000 (docs/benchmarks.md).
    private const long OpenMpSpinCount = 1000;

    /// <summary>
    /// A short OpenMP spin (set first: OpenMP reads it when libtorch loads), large activations in huge-page mappings
    /// of their own (far fewer page faults, and heaps that the photo sizes cannot fragment), and small kernel caches:
    /// ideep's per-thread plans, which hold the kernels (set while no other thread reads the environment), and
    /// oneDNN's own.
    /// </summary>
    public static void Configure()
    {
        // False where the CLI runs inside a process that has loaded libtorch already (its tests): the default stays.
        NativeStartup.TrySetOpenMpSpinCount(OpenMpSpinCount);
        Tensors.ConvolutionPlanCacheCapacity = KernelCacheCapacity;
        Tensors.EnableHugePageTensors();
        try
        {
            Tensors.OneDnnPrimitiveCacheCapacity = KernelCacheCapacity;
        }
        catch (TorchNotImplementedException)
        {
            // A libtorch without a shared oneDNN has no such cache to bound; upscaling works the same.
        }
    }
}
