using Gan.Models.IO;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Gan.Imaging;
using Gan.Models.Torch;

namespace Gan.MLNet.Streaming;

/// <summary>One execution of <see cref="ImageStream"/>: the stages, the counts and the report.</summary>
internal sealed class ImageStreamRun(IImageBatchTransform transform, ImageStreamOptions options, IProgress<ImageStreamProgress>? progress) : IDisposable
{
    private readonly ImageErrorReport _report = new(options.ErrorReportPath);
    private readonly List<ImageJobFailure> _failures = [];
    private readonly Lock _gate = new();
    // _stop ends every stage (cancellation, or a bug in a stage); _stopIntake only stops new inputs (a failure under
    // ImageErrorPolicy.Fail), so inputs already accepted are finished and none is dropped half-way.
    private readonly CancellationTokenSource _stop = new(), _stopIntake = new();
    private long _written, _resumed;

    private sealed record Item(ImageJob Job, Image Image, ImageFormat Format);

    public Task<ImageStreamResult> ExecuteAsync(IEnumerable<ImageJob> jobs, CancellationToken cancellationToken) =>
        ExecuteAsync(decodes: true, (pending, _, token) => ProduceAsync(jobs, pending, token), cancellationToken);

    public Task<ImageStreamResult> ExecuteAsync(IEnumerable<DecodedImageJob> images, CancellationToken cancellationToken) =>
        ExecuteAsync(decodes: false, (_, decoded, token) => ProduceAsync(images, decoded, token), cancellationToken);

    private async Task<ImageStreamResult> ExecuteAsync(bool decodes, Func<ChannelWriter<ImageJob>, ChannelWriter<Item>, CancellationToken, Task> produce,
        CancellationToken cancellationToken)
    {
        await using var link = cancellationToken.Register(_stop.Cancel);
        var token = _stop.Token;
        using var intake = CancellationTokenSource.CreateLinkedTokenSource(token, _stopIntake.Token);
        var pending = Channel.CreateBounded<ImageJob>(options.QueueCapacity);
        var decoded = Channel.CreateBounded<Item>(options.QueueCapacity);
        var results = Channel.CreateBounded<Item>(options.QueueCapacity);
        var stages = new List<Task> { Stage(() => produce(pending.Writer, decoded.Writer, intake.Token)) };
        if (decodes)
        {
            var decoders = Enumerable.Range(0, options.Workers).Select(_ => Stage(() => DecodeAsync(pending.Reader, decoded.Writer, token))).ToArray();
            stages.AddRange(decoders);
            stages.Add(Task.WhenAll(decoders).ContinueWith(_ => decoded.Writer.TryComplete(), TaskScheduler.Default));
        }
        stages.Add(DedicatedStage(() => Infer(decoded.Reader, results.Writer, token)));
        stages.AddRange(Enumerable.Range(0, options.Workers).Select(_ => Stage(() => EncodeAsync(results.Reader, token))));
        try
        {
            await Task.WhenAll(stages).ConfigureAwait(false);
        }
        catch (Exception) when (stages.Any(s => s.IsFaulted && s.Exception!.InnerException is not OperationCanceledException))
        {
            var cause = stages.First(s => s.IsFaulted && s.Exception!.InnerException is not OperationCanceledException).Exception!.InnerException!;
            ExceptionDispatchInfo.Capture(cause).Throw();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // One plain cancellation for the caller, whichever stage noticed it first.
            cancellationToken.ThrowIfCancellationRequested();
        }
        var result = new ImageStreamResult(Interlocked.Read(ref _written), Interlocked.Read(ref _resumed), Failures());
        if (options.OnError == ImageErrorPolicy.Fail && FirstFailure is { } first)
            throw new ImageStreamFailedException(first, result);
        return result;
    }

    public void Dispose()
    {
        _report.Dispose();
        _stop.Dispose();
        _stopIntake.Dispose();
    }

    private ImageJobFailure? FirstFailure
    {
        get { lock (_gate) return _failures.Count > 0 ? _failures[0] : null; }
    }

    private ImageJobFailure[] Failures()
    {
        lock (_gate) return [.. _failures];
    }

    private Task Stage(Func<Task> body) => Task.Run(() => Guarded(body));

    // Inference keeps one thread of its own for the whole run: libtorch's OpenMP team and glibc's malloc arena belong
    // to the calling thread, so hopping between pool threads would start new teams and grow an arena on each.
    private Task DedicatedStage(Action body) => Task.Factory.StartNew(() => Guarded(() =>
    {
        body();
        return Task.CompletedTask;
    }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    // Any unexpected exception in one stage stops all others, so none waits forever on a queue nobody drains.
    private async Task Guarded(Func<Task> body)
    {
        try
        {
            await body().ConfigureAwait(false);
        }
        catch
        {
            _stop.Cancel();
            throw;
        }
    }

    private async Task ProduceAsync(IEnumerable<ImageJob> jobs, ChannelWriter<ImageJob> writer, CancellationToken token)
    {
        try
        {
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var job in jobs)
            {
                token.ThrowIfCancellationRequested();
                if (Accept(job, owners)) await writer.WriteAsync(job, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopIntake.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            // A failure under ImageErrorPolicy.Fail: no new inputs; those accepted are finished.
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task ProduceAsync(IEnumerable<DecodedImageJob> images, ChannelWriter<Item> writer, CancellationToken token)
    {
        try
        {
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (job, image) in images)
            {
                token.ThrowIfCancellationRequested();
                if (Accept(job, owners) && Admit(job))
                    await writer.WriteAsync(new Item(job, image, job.OutputFormat ?? ImageFormat.Png), token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopIntake.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            // As above.
        }
        finally
        {
            writer.TryComplete();
        }
    }

    // Whether the job is in this shard and its output is its own.
    private bool Accept(ImageJob job, Dictionary<string, string> owners)
    {
        if (!options.Shard.Contains(job.Key)) return false;
        if (owners.TryAdd(job.OutputPath, job.Key)) return true;
        Fail(job, ImageJobStage.Output, $"its output '{job.OutputPath}' is also the output of '{owners[job.OutputPath]}'");
        return false;
    }

    // Whether the job is to be done, given what exists at its output; counts and reports it otherwise.
    private bool Admit(ImageJob job)
    {
        if (!File.Exists(job.OutputPath)) return true;
        switch (options.ExistingOutputs)
        {
            case ExistingOutputPolicy.Fail:
                Fail(job, ImageJobStage.Output, $"'{job.OutputPath}' exists (overwrite or resume to go on)");
                return false;
            case ExistingOutputPolicy.Resume when ImageOutputCompleteness.IsComplete(job.OutputPath):
                Interlocked.Increment(ref _resumed);
                Report();
                return false;
            default:
                return true;
        }
    }

    private async Task DecodeAsync(ChannelReader<ImageJob> reader, ChannelWriter<Item> writer, CancellationToken token)
    {
        await foreach (var job in reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            if (!Admit(job)) continue;
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(job.InputPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail(job, ImageJobStage.Read, e.Message);
                continue;
            }
            Image image;
            try
            {
                image = Image.Decode(bytes, options.Decode);
            }
            catch (Exception e) when (e is ImageFormatException or ImageTooLargeException)
            {
                Fail(job, ImageJobStage.Decode, e.Message);
                continue;
            }
            var format = job.OutputFormat ?? ImageHeader.DetectFormat(bytes)!.Value;
            await writer.WriteAsync(new Item(job, image, format), token).ConfigureAwait(false);
        }
    }

    // Blocking waits: the stage's thread is its own (DedicatedStage).
    private void Infer(ChannelReader<Item> reader, ChannelWriter<Item> writer, CancellationToken token)
    {
        try
        {
            var batch = new List<Item>(options.BatchSize);
            int sinceRelease = 0;
            while (reader.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < options.BatchSize && reader.TryRead(out var item)) batch.Add(item);
                foreach (var result in Transform(batch))
                    writer.WriteAsync(result, token).AsTask().GetAwaiter().GetResult();
                sinceRelease += batch.Count;
                batch.Clear();
                if (options.ReleaseFreedMemoryEvery > 0 && sinceRelease >= options.ReleaseFreedMemoryEvery)
                {
                    NativeSettings.ReleaseFreedMemory();
                    sinceRelease = 0;
                }
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    // A failing batch is retried image by image, so one bad image costs only itself.
    private IEnumerable<Item> Transform(List<Item> batch)
    {
        try
        {
            var outputs = transform.Transform(batch.ConvertAll(item => item.Image));
            if (outputs.Count != batch.Count)
                throw new InvalidOperationException($"the transform returned {outputs.Count} images for {batch.Count}");
            return batch.Select((item, i) => item with { Image = outputs[i] }).ToArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (batch.Count > 1) return batch.SelectMany(item => Transform([item])).ToArray();
            // libtorch's own message runs on with a C++ backtrace; the report keeps its first line.
            Fail(batch[0].Job, ImageJobStage.Transform, e is ExternalException native ? TorchException.From(native, "libtorch").Message : e.Message);
            return [];
        }
    }

    private async Task EncodeAsync(ChannelReader<Item> reader, CancellationToken token)
    {
        await foreach (var item in reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            byte[] bytes;
            try
            {
                bytes = item.Image.Encode(item.Format, options.Encode);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Fail(item.Job, ImageJobStage.Encode, e.Message);
                continue;
            }
            string path = item.Job.OutputPath;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // A fixed temporary name per output: shards own disjoint outputs, and a killed run's leftover is reused.
                AtomicFile.Write(path, stream => stream.Write(bytes), options.ExistingOutputs != ExistingOutputPolicy.Fail,
                    $".{Path.GetFileName(path)}.partial");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail(item.Job, ImageJobStage.Write, e.Message);
                continue;
            }
            Interlocked.Increment(ref _written);
            Report();
        }
    }

    private void Fail(ImageJob job, ImageJobStage stage, string message)
    {
        var failure = new ImageJobFailure(job, stage, message);
        lock (_gate) _failures.Add(failure);
        _report.Add(failure);
        Report();
        if (options.OnError == ImageErrorPolicy.Fail) _stopIntake.Cancel();
    }

    private void Report()
    {
        if (progress is null) return;
        long failed;
        lock (_gate) failed = _failures.Count;
        progress.Report(new ImageStreamProgress(Interlocked.Read(ref _written), Interlocked.Read(ref _resumed), failed));
    }
}
