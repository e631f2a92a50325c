using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// Runs a static method of this test assembly in a fresh process, for what libtorch and this library read once per
/// process (environment variables read when libtorch loads, <c>GAN_DEVICE</c>): the test process itself has long
/// loaded libtorch by the time such a test runs.
/// </summary>
internal static class ChildProcess
{
    private const string Marker = "--gan-child";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs <paramref name="scenario"/> (a static method without parameters) in <c>dotnet &lt;this assembly&gt;</c>
    /// with <paramref name="environment"/> added to this process's environment (a null value removes a variable).
    /// </summary>
    /// <returns>The exit code (0 when the method returned, 1 when it threw) and what it wrote to stdout and stderr.</returns>
    public static (int ExitCode, string Output) Run(Action scenario, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var method = scenario.Method;
        Assert.IsTrue(method.IsStatic, "a child scenario is a static method");
        string assembly = typeof(ChildProcess).Assembly.Location;
        var start = new ProcessStartInfo(DotNet(), [assembly, Marker, method.DeclaringType!.FullName!, method.Name]);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        return RunToEnd(start);
    }

    /// <summary>Runs <paramref name="start"/> to its end; fails the test if it takes longer than two minutes.</summary>
    /// <returns>The exit code and what the process wrote to stdout, then stderr.</returns>
    public static (int ExitCode, string Output) RunToEnd(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {Timeout}");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>The numbers after <paramref name="label"/> on the first line of <paramref name="output"/> that starts with it.</summary>
    public static long[] Numbers(string output, string label)
    {
        string line = output.Split('\n').FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal))
                      ?? throw new AssertFailedException($"no line '{label}' in: {output}");
        return line[label.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToArray();
    }

    // The muxer that runs this test host, else the one on the PATH.
    private static string DotNet() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>The child's side: runs the scenario named on the command line; prints what it threw.</summary>
    internal static int Main(string[] args)
    {
        if (args is not [Marker, string typeName, string methodName])
        {
            Console.Error.WriteLine($"usage: {Marker} <type> <static method>: runs a test scenario in this process (the tests start it)");
            return 2;
        }
        var type = typeof(ChildProcess).Assembly.GetType(typeName, throwOnError: true)!;
        var method = type.GetMethod(methodName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes)
                     ?? throw new MissingMethodException(typeName, methodName);
        try
        {
            method.Invoke(null, null);
            return 0;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } thrown)
        {
            Console.WriteLine($"{thrown.GetType().FullName}: {thrown.Message}");
            return 1;
        }
    }
}
