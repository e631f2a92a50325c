using System.CommandLine;
using System.Reflection;
using System.Security.Cryptography;
using Gan.Cli.Terminal;
using Gan.MLNet;
using Microsoft.ML;
using Gan.Models.Torch;
using Spectre.Console;
using TorchSharp;

namespace Gan.Cli.Commands;

/// <summary><c>gan info</c>: what a model file is, its options, size and checksums; and what runs it (TorchSharp, libtorch, device).</summary>
internal static class InfoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<string?>("model")
        {
            Description = "A model zip (Model.Save, 'gan train gan|cgan|dcgan'), or a .safetensors network or checkpoint ('gan train srresnet|srgan'); "
                + "without it, only the runtime is described.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("info", "Describe a model file (kind, options, size and checksums, verified) and the runtime (TorchSharp, libtorch, device).") { file };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(file) is { } path)
            {
                if (!File.Exists(path)) throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
                console.WritePlainLine($"file     {Path.GetFullPath(path)}");
                console.WritePlainLine($"size     {new FileInfo(path).Length:N0} bytes");
                console.WritePlainLine($"sha256   {FileSha256(path)}");
                if (IsZip(path)) DescribeZip(console, path);
                else DescribeSafeTensors(console, path);
            }
            DescribeRuntime(console);
            return (int)ExitCode.Success;
        });
        return command;
    }

    // What a bug report needs: the versions in use and where tensors run. Loading libtorch here also checks that it loads.
    private static void DescribeRuntime(IAnsiConsole console)
    {
        TorchRuntime.EnsureLoaded();
        var assembly = typeof(torch).Assembly;
        string torchSharp = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        console.WritePlainLine($"runtime  TorchSharp {torchSharp} over libtorch {torch.NormalizeNuGetVersion(torch.__version__)}");
        string cuda = torch.cuda.is_available() ? $"{torch.cuda.device_count()} CUDA device(s) visible" : "no CUDA device visible";
        console.WritePlainLine($"device   {TorchRuntime.DefaultDevice} ({cuda}), {torch.get_num_threads()} thread(s)");
    }

    private static void DescribeZip(IAnsiConsole console, string path)
    {
        var description = new MLContext().Model.DescribeWithNetworks(path);
        console.WritePlainLine(description.FormatVersion == 0
            ? "format   ML.NET model zip without Gan.MLNet networks"
            : $"format   ML.NET model zip with Gan.MLNet networks, version {description.FormatVersion}; all entry checksums match");
        for (int i = 0; i < description.Transformers.Count; i++)
            console.WritePlainLine($"transformer {i}: {description.Transformers[i].Kind} {description.Transformers[i].SettingsJson}");
        foreach (var entry in description.Entries)
            console.WritePlainLine($"entry    {entry.Name}  {entry.Size:N0} bytes  sha256 {entry.Sha256}");
    }

    private static void DescribeSafeTensors(IAnsiConsole console, string path)
    {
        TorchRuntime.EnsureLoaded();
        SafeTensorsFile file;
        try
        {
            file = SafeTensors.Load(path);
        }
        catch (SafeTensorsFormatException e)
        {
            throw new InvalidDataException($"'{path}' is neither a Gan.MLNet model zip nor a safetensors file ({e.Message}).", e);
        }
        using var owned = file;
        long parameters = file.Tensors.Values.Sum(t => t.numel());
        console.WritePlainLine($"format   safetensors, {file.Tensors.Count} tensors, {parameters:N0} values");
        foreach (var (key, value) in file.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            console.WritePlainLine($"option   {key} = {value}");
    }

    private static bool IsZip(string path)
    {
        Span<byte> signature = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(signature, 4, throwOnEndOfStream: false) == 4 && signature.SequenceEqual("PK\u0003\u0004"u8);
    }

    private static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
