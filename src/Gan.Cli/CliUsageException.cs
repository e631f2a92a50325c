namespace Gan.Cli;

/// <summary>A command line that parses but cannot work (e.g. --overwrite with --resume); exits with <see cref="ExitCode.Usage"/>.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
