using System.Runtime.InteropServices;
using Gan.Torch.Native;

namespace Gan.Torch;

/// <summary>
/// The entry point of Gan.Torch, what PyTorch's <c>torch</c> namespace is to Python: tensor factories, joining,
/// seeds, threads, gradient modes, dispose scopes and the device policy. (It is not called <c>Torch</c>: a type named
/// like its namespace would be unreachable by that name from any code in a <c>Gan.*</c> namespace.)
/// </summary>
public static partial class Tensors
{
    // Declared first: static initializers run in text order and DefaultDevice's reads this one.
    private static readonly Lazy<bool> CudaAvailable = new(() => NativeMethods.gan_cuda_is_available() != 0);

    /// <summary>
    /// The device every factory uses when none is given; the one place that decides where work runs. It starts as
    /// the device named by the GAN_DEVICE environment variable ("cpu", "cuda", "cuda:N"), else CUDA when the linked
    /// libtorch has a usable GPU, else the CPU.
    /// </summary>
    public static Device DefaultDevice { get; set; } = ChooseDefaultDevice();

    private static Device ChooseDefaultDevice()
    {
        var requested = Environment.GetEnvironmentVariable("GAN_DEVICE");
        if (!string.IsNullOrWhiteSpace(requested)) return Device.Parse(requested);
        return IsCudaAvailable ? Device.CUDA() : Device.CPU;
    }

    /// <summary>True when the linked libtorch was built with CUDA and sees a GPU.</summary>
    public static bool IsCudaAvailable => CudaAvailable.Value;

    /// <summary>Number of visible CUDA devices (0 without CUDA).</summary>
    public static int CudaDeviceCount => NativeMethods.gan_cuda_device_count();

    /// <summary>The version of the linked libtorch, e.g. "1.13.0".</summary>
    public static string LibTorchVersion => Marshal.PtrToStringUTF8(NativeMethods.gan_torch_version()) ?? "";

    /// <summary>Native tensors currently alive in this process (handed out and not yet freed).</summary>
    public static long LiveTensorCount => NativeMethods.gan_live_tensors();

    /// <summary>
    /// <see cref="LiveTensorCount"/> once every unreachable tensor has been finalized: runs full garbage collections
    /// and waits for pending finalizers until the count stops changing, then returns it. For leak checks: a tensor
    /// dropped without Dispose is freed by its finalizer whenever the collector gets to it (in a test run, often one
    /// another test dropped, in the middle of a measurement), so take the baseline with this, then compare
    /// <see cref="LiveTensorCount"/> afterwards (which also catches tensors the code under test leaves to finalizers).
    /// The count is process-wide: nothing else may create or free tensors meanwhile (in MSTest, mark such tests
    /// <c>[DoNotParallelize]</c>). Blocks for full collections: a diagnostic, not for production paths.
    /// </summary>
    public static long SettledLiveTensorCount()
    {
        // Until two passes agree: a finalizer can drop references that make more tensors unreachable, which only the
        // next collection sees. The bound only guards against another thread allocating without pause.
        const int maxPasses = 10;
        long count = LiveTensorCount;
        for (int pass = 0; pass < maxPasses; pass++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long settled = LiveTensorCount;
            if (pass > 0 && settled == count) return settled;
            count = settled;
        }
        return count;
    }

    /// <summary>libtorch's intra-op thread count (process-wide). Small MLPs often run fastest on 1; convolutions gain from more.</summary>
    public static int Threads
    {
        get => NativeMethods.gan_get_num_threads();
        set => Status.Check(NativeMethods.gan_set_num_threads(value));
    }

    /// <summary>Seeds libtorch's default generators (CPU and CUDA), making later random draws reproducible.</summary>
    public static void ManualSeed(ulong seed) => Status.Check(NativeMethods.gan_manual_seed(seed));

    /// <summary>
    /// Makes the C allocator keep freed memory for reuse instead of returning it to the kernel after every step.
    /// libtorch frees and re-allocates its large buffers each iteration; by default glibc unmaps or trims them, so
    /// every step pays page faults for fresh pages (measured here: a 64×3×64×64 convolution forward+backward ran
    /// ~4.7× faster with this on, a Vanilla-GAN step 1.1–1.3×; see docs/benchmarks.md). The price is that the
    /// process keeps its peak heap. Process-wide, so meant for programs that own their process (training jobs, the
    /// CLI), not for libraries inside someone else's; glibc only.
    /// </summary>
    /// <param name="mmapThresholdBytes">Blocks smaller than this come from the heap rather than from fresh mappings.</param>
    /// <param name="trimThresholdBytes">Free memory at the top of the heap kept rather than given back.</param>
    /// <exception cref="TorchArgumentException">A threshold is not between 1 byte and 2 GiB.</exception>
    /// <exception cref="TorchNotImplementedException">The C library is not glibc.</exception>
    public static void RetainFreedMemory(long mmapThresholdBytes = 256L << 20, long trimThresholdBytes = 512L << 20) =>
        Status.Check(NativeMethods.gan_retain_freed_memory(mmapThresholdBytes, trimThresholdBytes));

    /// <summary>
    /// Gives the C allocator's free memory back to the kernel now: the whole free pages of every malloc arena, not
    /// only the top of the heap (glibc's <c>malloc_trim</c>). A long job whose buffers come in many sizes, from
    /// several threads, fragments glibc's arenas, and what is free but stuck between live blocks stays resident, so
    /// the process creeps up with the job's length; calling this now and then (the <c>ImageStream</c> engine does,
    /// every few images) gives such memory back, at the price of page faults when the pages are used again. One-shot and
    /// harmless to other code in the process; does nothing under other C libraries.
    /// </summary>
    public static void ReleaseFreedMemory() => Status.Check(NativeMethods.gan_release_freed_memory());

    /// <summary>
    /// How many compiled convolution kernels ("primitives") oneDNN, libtorch's CPU convolution library, keeps: one per
    /// distinct layer shape, 1,024 by default. Every new input size makes new ones, so a job over images of many sizes
    /// (an SRResNet over photos) fills the cache, and the memory it holds, before anything is evicted: the process
    /// grows for its first few hundred images. libtorch's ideep layer keeps the same kernels alive in a cache of its
    /// own, so bound both (<see cref="ConvolutionPlanCacheCapacity"/>). A job whose shapes rarely repeat loses nothing
    /// with a small capacity (the <c>gan upscale</c> CLI sets 16); one whose shapes repeat (training on fixed-size
    /// crops) wants the cache. Process-wide.
    /// </summary>
    /// <exception cref="TorchArgumentException">Set to a negative value.</exception>
    /// <exception cref="TorchNotImplementedException">This libtorch has no shared oneDNN library.</exception>
    public static int OneDnnPrimitiveCacheCapacity
    {
        get
        {
            Status.Check(NativeMethods.gan_get_onednn_primitive_cache_capacity(out int capacity));
            return capacity;
        }
        set => Status.Check(NativeMethods.gan_set_onednn_primitive_cache_capacity(value));
    }

    /// <summary>
    /// How many convolution plans each thread keeps in libtorch's ideep layer (its glue to oneDNN): one per distinct
    /// layer shape, each holding its oneDNN primitive and compiled kernels, least recently used evicted first; 1,024
    /// by default. These plans keep the kernels alive whatever oneDNN's own cache holds
    /// (<see cref="OneDnnPrimitiveCacheCapacity"/>), so a job over images of many sizes grows until each thread holds
    /// 1,024 plans: about 100 MB for the ×2 SRResNet over photos, reached after 300–600 photos (docs/benchmarks.md). A
    /// job whose shapes rarely repeat loses nothing with a small capacity (the <c>gan upscale</c> CLI sets 16); one whose
    /// shapes repeat (training on fixed-size crops) wants the default.
    /// <para>
    /// ideep reads the capacity from the environment variable <c>LRU_CACHE_CAPACITY</c> (the remedy for CPU inference
    /// over varying shapes in PyTorch's issues, pytorch/pytorch#27971) when a thread runs its first convolution, so a
    /// new value reaches only threads that have not convolved yet: set it at start-up, or before starting the thread
    /// that will run the network. Setting it writes the process's C environment, which is not safe while other threads
    /// read it: do so before starting threads of your own.
    /// </para>
    /// </summary>
    /// <exception cref="TorchArgumentException">Set to less than 1.</exception>
    public static int ConvolutionPlanCacheCapacity
    {
        get
        {
            Status.Check(NativeMethods.gan_get_convolution_plan_cache_capacity(out int capacity));
            return capacity;
        }
        set => Status.Check(NativeMethods.gan_set_convolution_plan_cache_capacity(value));
    }

    /// <summary>
    /// From now on, gives every CPU tensor of 2 MiB or more a memory mapping of its own, aligned to 2 MiB and advised
    /// to the kernel as transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>, as PyTorch 2.1+ does under
    /// <c>THP_MEM_ALLOC_ENABLE</c>), and unmaps it when the tensor is freed. Two gains for work whose large activations
    /// come and go, such as inference over images of many sizes: a fresh activation costs one page fault per 2 MiB
    /// instead of one per 4 KiB, and large buffers never enter malloc's heaps, so they cannot fragment them and the
    /// process holds what is alive rather than what it once needed (measured on <c>gan upscale</c> in
    /// docs/benchmarks.md). Smaller tensors keep libtorch's allocator. Where the kernel's transparent huge pages are
    /// <c>never</c>, buffers are on ordinary pages and only the second gain remains. Process-wide and one way (a buffer
    /// must be freed by the allocator that made it, and libtorch frees some through whichever is in place), so meant
    /// for programs that own their process, like the <c>gan</c> CLI; calling it again does nothing.
    /// </summary>
    public static void EnableHugePageTensors() => Status.Check(NativeMethods.gan_enable_huge_page_tensors());

    /// <summary>Whether <see cref="EnableHugePageTensors"/> has been called in this process.</summary>
    public static bool HugePageTensorsEnabled => NativeMethods.gan_huge_page_tensors_enabled() != 0;

    /// <summary>Opens a scope that disposes the tensors created on this thread until it is disposed.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Stops recording operations for autograd on this thread until the returned scope is disposed.</summary>
    public static GradModeScope NoGrad() => new(false);

    /// <summary>Records operations for autograd on this thread until the returned scope is disposed.</summary>
    public static GradModeScope EnableGrad() => new(true);

    /// <summary>True when operations on this thread are recorded for autograd.</summary>
    public static bool IsGradEnabled => NativeMethods.gan_is_grad_enabled() != 0;

    /// <summary>Enters libtorch's inference mode on this thread until the returned scope is disposed.</summary>
    public static InferenceModeScope InferenceMode(bool enabled = true) => new(enabled);

    /// <summary>True while inference mode is on for this thread.</summary>
    public static bool IsInferenceModeEnabled => NativeMethods.gan_is_inference_mode_enabled() != 0;

    private static Device Resolve(Device? device) => CheckAvailable(device ?? DefaultDevice);

    // libtorch's own error for a missing CUDA backend is a page of dispatcher tables; say what is wrong instead.
    internal static Device CheckAvailable(Device device)
    {
        if (device.Type == DeviceType.CUDA && !IsCudaAvailable)
            throw new TorchNotImplementedException(
                $"{device}: CUDA is not available (the linked libtorch was built without CUDA, or sees no GPU)");
        return device;
    }
}
