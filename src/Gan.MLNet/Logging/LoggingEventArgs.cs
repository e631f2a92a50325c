namespace Gan.MLNet;

/// <summary>A message raised through <see cref="MLContext.Log"/>.</summary>
public sealed class LoggingEventArgs : EventArgs
{
    /// <summary>Creates a message.</summary>
    /// <param name="message">The text without source or kind.</param>
    /// <param name="kind">The severity.</param>
    /// <param name="source">The component that wrote it.</param>
    public LoggingEventArgs(string message, ChannelMessageKind kind, string source)
    {
        RawMessage = message ?? throw new ArgumentNullException(nameof(message));
        Kind = kind;
        Source = source ?? throw new ArgumentNullException(nameof(source));
    }

    /// <summary>The message formatted as <c>[Source=..., Kind=...] text</c>.</summary>
    public string Message => $"[Source={Source}, Kind={Kind}] {RawMessage}";

    /// <summary>The text without source or kind.</summary>
    public string RawMessage { get; }

    /// <summary>The severity.</summary>
    public ChannelMessageKind Kind { get; }

    /// <summary>The component that wrote the message.</summary>
    public string Source { get; }
}
