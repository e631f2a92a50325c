namespace Gan.Models.Tests;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its handler on the reporting thread, before the reporter goes on
/// (<see cref="Progress{T}"/> posts to the thread pool, too late for a test that acts on a report).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
