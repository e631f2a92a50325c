using System.Diagnostics;
using Spectre.Console;

namespace Gan.Cli.Terminal;

/// <summary>
/// Shows the progress of long work: a live bar on an interactive terminal; on a pipe or a scheduler's log, a plain
/// line at most every few seconds, so logs stay readable.
/// </summary>
internal static class CliProgress
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="work"/>, which reports (done so far, status text) through the action it is given.</summary>
    public static T Run<T>(IAnsiConsole console, string title, double total, Func<Action<double, string>, T> work)
    {
        if (console.Profile.Capabilities.Interactive)
            return console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(total, 1));
                    return work((done, status) =>
                    {
                        task.Value = done;
                        task.Description = Markup.Escape($"{title} {status}");
                    });
                });
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var gate = new Lock();
        return work((done, status) =>
        {
            lock (gate)
            {
                if (clock.Elapsed - last < LogInterval) return;
                last = clock.Elapsed;
                console.WritePlainLine($"{title}: {100 * done / Math.Max(total, 1e-9):0}% {status}");
            }
        });
    }
}
