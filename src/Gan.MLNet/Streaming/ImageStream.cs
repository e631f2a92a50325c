namespace Gan.MLNet.Streaming;

/// <summary>
/// The streaming image engine behind <c>gan upscale</c> and <c>Data.SaveImages</c>: parallel decode → batched
/// transform → parallel encode, joined by bounded queues (<see cref="System.Threading.Channels"/>) so memory holds a
/// fixed number of images however many inputs there are. Every output is written atomically (a temporary name beside
/// it, then a rename), every input ends written, resumed (already complete) or failed — failures go to the CSV error
/// report — and the run's inputs can be one shard of a larger job. Under <see cref="ImageErrorPolicy.Fail"/>, a
/// failure stops the intake of new inputs; inputs already accepted are finished. Not part of ML.NET.
/// </summary>
public static class ImageStream
{
    /// <summary>Runs image files (the inputs of <see cref="ImageStreamOptions.Shard"/> only) through <paramref name="transform"/>.</summary>
    /// <param name="jobs">The inputs, e.g. from <see cref="ImageJobList"/>; enumerated once, lazily.</param>
    /// <param name="transform">The inference stage; called from one thread at a time.</param>
    /// <param name="options">Parallelism, batching, policies and the report; null for the defaults.</param>
    /// <param name="progress">Receives the counts after every input.</param>
    /// <param name="cancellationToken">Stops the run; finished outputs stay, unfinished ones are never half-written.</param>
    /// <returns>What was written, resumed and failed.</returns>
    /// <exception cref="ImageStreamFailedException">An input failed under <see cref="ImageErrorPolicy.Fail"/>.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static ImageStreamResult Run(IEnumerable<ImageJob> jobs, IImageBatchTransform transform, ImageStreamOptions? options = null,
        IProgress<ImageStreamProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(jobs, transform, options, progress, cancellationToken).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of running image files; see the synchronous overload.</summary>
    public static async Task<ImageStreamResult> RunAsync(IEnumerable<ImageJob> jobs, IImageBatchTransform transform, ImageStreamOptions? options = null,
        IProgress<ImageStreamProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        using var run = Start(transform, options, progress);
        return await run.ExecuteAsync(jobs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs images that are already decoded (e.g. the rows of a pipeline, enumerated on one thread) through
    /// <paramref name="transform"/> and the parallel encoders; otherwise as for image files.
    /// </summary>
    /// <exception cref="ImageStreamFailedException">An input failed under <see cref="ImageErrorPolicy.Fail"/>.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static ImageStreamResult Run(IEnumerable<DecodedImageJob> images, IImageBatchTransform transform, ImageStreamOptions? options = null,
        IProgress<ImageStreamProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var run = Start(transform, options, progress);
        return run.ExecuteAsync(images, cancellationToken).GetAwaiter().GetResult();
    }

    private static ImageStreamRun Start(IImageBatchTransform transform, ImageStreamOptions? options, IProgress<ImageStreamProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(transform);
        options ??= new ImageStreamOptions();
        options.Validate();
        return new ImageStreamRun(transform, options, progress);
    }
}
