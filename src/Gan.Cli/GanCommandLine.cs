using System.CommandLine;
using Gan.Cli.Commands;
using Gan.Imaging;
using Gan.MLNet.Streaming;
using Gan.MLNet;
using Gan.Models.SuperResolution;
using Gan.Models.Torch;
using Gan.Models.Training;
using Spectre.Console;

namespace Gan.Cli;

/// <summary>The <c>gan</c> command tree, and the one place where errors become messages and exit codes.</summary>
internal static class GanCommandLine
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where results and progress go.</param>
    /// <param name="error">Where error messages go.</param>
    public static int Run(string[] args, IAnsiConsole console, TextWriter error)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var root = Build(console, cancel.Token);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var parseError in parsed.Errors) error.WriteLine($"error: {parseError.Message}");
                error.WriteLine("Run 'gan --help' or 'gan <command> --help' for usage.");
                return (int)ExitCode.Usage;
            }
            return parsed.Invoke(new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return (int)ExitCode.Usage;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("cancelled: finished outputs are kept; run again with --resume to continue.");
            return (int)ExitCode.Cancelled;
        }
        catch (ImageStreamFailedException e)
        {
            error.WriteLine($"error: {e.Message}");
            return (int)ExitCode.InputsFailed;
        }
        catch (Exception e) when (IsExpected(e))
        {
            error.WriteLine($"error: {e.Message}");
            return (int)ExitCode.Error;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    // Failures of the user's files, models, data and machine get a one-line message. Anything else — an
    // ArgumentException, InvalidOperationException or a raw libtorch ExternalException among them — is a bug and keeps
    // its stack trace: the commands turn the library's refusals of command-line values into CliUsageException, and
    // the library maps libtorch's errors to TorchException where it knows which file, row or option was involved.
    private static bool IsExpected(Exception e) => e is IOException or UnauthorizedAccessException or InvalidDataException
        or FormatException or SchemaMismatchException or ColumnNotFoundException or ImageFormatException or ImageTooLargeException
        or SafeTensorsFormatException or StateDictException or GanCheckpointException or GanTrainingDivergedException
        or SrTrainingDivergedException or BundledSrModelNotFoundException or TorchException or TorchNativeLibraryException;

    private static RootCommand Build(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var root = new RootCommand("gan: train GANs and upscalers, generate samples, upscale folders of images, inspect model files.\n"
            + "Exit codes: 0 done; 1 some inputs failed (see the error report); 2 wrong command line; 3 could not run (model, data, disk); 130 cancelled.");
        root.Subcommands.Add(UpscaleCommand.Create(console, cancellationToken));
        root.Subcommands.Add(TrainCommand.Create(console, cancellationToken));
        root.Subcommands.Add(GenerateCommand.Create(console));
        root.Subcommands.Add(InfoCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console, cancellationToken));
        return root;
    }
}
