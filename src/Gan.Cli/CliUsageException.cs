namespace Gan.Cli;

/// <summary>A command line that parses but cannot work (e.g. --overwrite with --resume); exits with <see cref="ExitCode.Usage"/>.</summary>
internal sealed class CliUsageException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// Runs the library's check of settings built from command-line values: the <see cref="ArgumentException"/> with
    /// which it refuses one (naming the setting and what it accepts) becomes a usage error.
    /// </summary>
    public static void Check(Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message, e);
        }
    }
}
