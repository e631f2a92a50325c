namespace Gan.Cli.Terminal;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler on the reporting thread (unlike <see cref="Progress{T}"/>,
/// which posts to a synchronization context and may run after the work has finished).
/// </summary>
internal sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
