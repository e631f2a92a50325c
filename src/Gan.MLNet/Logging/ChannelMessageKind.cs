namespace Gan.MLNet;

/// <summary>The severity of a <see cref="LoggingEventArgs"/> message.</summary>
public enum ChannelMessageKind
{
    /// <summary>Detailed progress, useful when debugging.</summary>
    Trace = 0,

    /// <summary>Normal progress.</summary>
    Info = 1,

    /// <summary>Something unexpected that did not stop the work.</summary>
    Warning = 2,

    /// <summary>A failure.</summary>
    Error = 3,
}
