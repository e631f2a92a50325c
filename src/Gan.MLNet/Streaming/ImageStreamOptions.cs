using Gan.Imaging;

namespace Gan.MLNet.Streaming;

/// <summary>The settings of <see cref="ImageStream"/>; every default is here.</summary>
public sealed record ImageStreamOptions
{
    /// <summary>Parallel decoders, and as many parallel encoders. Default: the processor count.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Most images handed to the transform at once.</summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>
    /// Capacity of each bounded queue (decoded images waiting for the transform, results waiting for the encoders).
    /// Memory holds at most about 2 × this + batch + 2 × workers images, whatever the number of inputs.
    /// </summary>
    public int QueueCapacity { get; init; } = 8;

    /// <summary>
    /// Every this many images, the C allocator's free memory goes back to the kernel (<c>NativeSettings.ReleaseFreedMemory</c>),
    /// so that memory freed between the live blocks of images of many sizes does not stay resident for the rest of a
    /// long job; 0 never does. Default 16: the page faults of re-using the pages cost little there (measured in docs/benchmarks.md).
    /// </summary>
    public int ReleaseFreedMemoryEvery { get; init; } = 16;

    /// <summary>What to do with an input that fails.</summary>
    public ImageErrorPolicy OnError { get; init; } = ImageErrorPolicy.Fail;

    /// <summary>What to do with an output that already exists.</summary>
    public ExistingOutputPolicy ExistingOutputs { get; init; } = ExistingOutputPolicy.Fail;

    /// <summary>Which part of the inputs this run processes.</summary>
    public ImageShard Shard { get; init; } = ImageShard.All;

    /// <summary>The CSV error report to (re)create; null writes none (failures are still in the result).</summary>
    public string? ErrorReportPath { get; init; }

    /// <summary>Decoding limits (e.g. the pixel count that refuses decompression bombs).</summary>
    public ImageDecodeOptions Decode { get; init; } = ImageDecodeOptions.Default;

    /// <summary>Encoding settings (e.g. JPEG quality).</summary>
    public ImageEncodeOptions Encode { get; init; } = ImageEncodeOptions.Default;

    /// <summary>Refuses settings that cannot work.</summary>
    /// <exception cref="ArgumentException">The message names the setting.</exception>
    public void Validate()
    {
        if (Workers < 1) throw new ArgumentException($"ImageStream: Workers must be ≥ 1, not {Workers}", nameof(Workers));
        if (BatchSize < 1) throw new ArgumentException($"ImageStream: BatchSize must be ≥ 1, not {BatchSize}", nameof(BatchSize));
        if (ReleaseFreedMemoryEvery < 0)
            throw new ArgumentException($"ImageStream: ReleaseFreedMemoryEvery must be ≥ 0, not {ReleaseFreedMemoryEvery}", nameof(ReleaseFreedMemoryEvery));
        if (QueueCapacity < 1) throw new ArgumentException($"ImageStream: QueueCapacity must be ≥ 1, not {QueueCapacity}", nameof(QueueCapacity));
        if (!Enum.IsDefined(OnError)) throw new ArgumentException($"ImageStream: {OnError} is not an error policy", nameof(OnError));
        if (!Enum.IsDefined(ExistingOutputs)) throw new ArgumentException($"ImageStream: {ExistingOutputs} is not an existing-output policy", nameof(ExistingOutputs));
        ArgumentNullException.ThrowIfNull(Decode, nameof(Decode));
        ArgumentNullException.ThrowIfNull(Encode, nameof(Encode));
    }
}
