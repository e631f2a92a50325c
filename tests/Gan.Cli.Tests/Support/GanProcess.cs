using System.Diagnostics;
using Gan.Models.SuperResolution;
using Spectre.Console;

namespace Gan.Cli.Tests.Support;

/// <summary>Runs <c>gan</c> in this process (fast) or as a child process (to kill it), and makes tiny models for it.</summary>
internal static class GanProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>Runs the command line in-process, capturing what it prints.</summary>
    public static Outcome Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        int code = GanCommandLine.Run(args, console, error);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    /// <summary>Starts <c>gan</c> as a child process (output discarded).</summary>
    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts <c>gan</c> as a child process with <paramref name="environment"/> added to this one's (output discarded).</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gan.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Saves a small random SRResNet (one block, width 8) and returns its path.</summary>
    public static string SaveTinyUpscaler(string folder, int scale = 2, ulong seed = 3)
    {
        using var network = SrResNet.Create(new SrResNetOptions { Scale = scale, BlockCount = 1, Width = 8 }, seed);
        string path = Path.Combine(folder, $"tiny-x{scale}.safetensors");
        SrResNetSerialization.Save(network, path);
        return path;
    }
}
