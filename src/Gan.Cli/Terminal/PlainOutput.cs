using Spectre.Console;

namespace Gan.Cli.Terminal;

/// <summary>
/// Writes lines as they are, straight to the console's writer: results (summaries, table rows, checksums) must not be
/// re-wrapped to the terminal width, since scripts and logs read them.
/// </summary>
internal static class PlainOutput
{
    /// <summary>Writes <paramref name="line"/> and a line break, unwrapped and without markup.</summary>
    public static void WritePlainLine(this IAnsiConsole console, string line) => console.Profile.Out.Writer.WriteLine(line);
}
