using CsvHelper;

namespace Gan.MLNet.Streaming;

/// <summary>
/// The error report: a CSV with the header <c>file,stage,message</c> and one row per failed input (its key, the
/// lower-case <see cref="ImageJobStage"/>, the reason), flushed row by row so that a killed run's report is current.
/// Each run recreates it: after a restart it lists what still failed in that run.
/// </summary>
internal sealed class ImageErrorReport : IDisposable
{
    private readonly CsvWriter? _csv;
    private readonly Lock _gate = new();

    public ImageErrorReport(string? path)
    {
        if (path is null) return;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var csvOptions = CsvWriterOptions.Default with { NewLine = "\n", Quoting = CsvQuoting.WhenNeeded };
        _csv = CsvWriter.Create(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), csvOptions, leaveOpen: false);
        _csv.WriteHeader(["file", "stage", "message"]);
        _csv.Flush();
    }

    public void Add(ImageJobFailure failure)
    {
        if (_csv is null) return;
        lock (_gate)
        {
            _csv.WriteRecord([failure.Job.Key, failure.Stage.ToString().ToLowerInvariant(), failure.Message]);
            _csv.Flush();
        }
    }

    public void Dispose() => _csv?.Dispose();
}
