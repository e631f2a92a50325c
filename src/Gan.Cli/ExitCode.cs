namespace Gan.Cli;

/// <summary>The process exit codes of <c>gan</c> (docs/cli.md lists them for scripts and schedulers).</summary>
internal enum ExitCode
{
    /// <summary>Everything asked for was done.</summary>
    Success = 0,
    /// <summary>The command ran, but some inputs failed (they are in the error report).</summary>
    InputsFailed = 1,
    /// <summary>The command line is wrong: unknown or missing option, bad value, contradictory options.</summary>
    Usage = 2,
    /// <summary>The command could not run: a missing or unreadable model, data or folder, a disk error.</summary>
    Error = 3,
    /// <summary>Interrupted (Ctrl+C); finished outputs stay, none is half-written.</summary>
    Cancelled = 130,
}
