using System.CommandLine;
using Gan.Imaging;
using Gan.MLNet.Streaming;
using Gan.Models.SuperResolution;
using Gan.Torch;

namespace Gan.Cli.Upscaling;

/// <summary>The options every upscaling command shares (inputs, model, scale, threads, batch), and what they build.</summary>
internal sealed class UpscalerOptions
{
    public Option<string> Input { get; } = new("--input", "-i")
    {
        Description = "A folder of images (searched recursively, sorted) or a CSV manifest with a 'path' column and an optional 'output' column.",
        Required = true,
    };

    public Option<int?> Scale { get; } = new("--scale") { Description = "Upscaling factor, 2 or 4 (default: the model's; 4 for the bundled model)." };

    public Option<string?> Model { get; } = new("--model", "-m") { Description = "An SRResNet .safetensors file (from 'gan train srresnet'); default: the bundled model for the scale." };

    public Option<int> Threads { get; } = new("--threads") { Description = "Decoding and encoding workers, and the network's threads.", DefaultValueFactory = _ => Environment.ProcessorCount };

    public Option<int> Batch { get; } = new("--batch") { Description = "Images per inference batch (and tiles per network call).", DefaultValueFactory = _ => 4 };

    public UpscalerOptions()
    {
        Scale.AcceptOnlyFromAmong("2", "4");
        Threads.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--threads must be ≥ 1."); });
        Batch.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--batch must be ≥ 1."); });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Scale);
        command.Options.Add(Model);
        command.Options.Add(Threads);
        command.Options.Add(Batch);
    }

    /// <summary>Loads the network (the caller disposes it) and sets libtorch's thread count.</summary>
    public SrResNet LoadNetwork(ParseResult parsed)
    {
        var network = SrModelSource.Load(parsed.GetValue(Model), parsed.GetValue(Scale));
        Tensors.Threads = parsed.GetValue(Threads);
        return network;
    }

    /// <summary>The inputs named by --input, with their outputs in <paramref name="outputFolder"/>.</summary>
    /// <exception cref="CliUsageException">--input is neither a folder nor a .csv manifest.</exception>
    public IReadOnlyList<ImageJob> Jobs(ParseResult parsed, string outputFolder, ImageFormat? format)
    {
        string input = parsed.GetValue(Input)!;
        if (Directory.Exists(input)) return ImageJobList.FromFolder(input, outputFolder, format);
        if (File.Exists(input) && string.Equals(Path.GetExtension(input), ".csv", StringComparison.OrdinalIgnoreCase))
            return ImageJobList.FromManifest(input, outputFolder, format);
        throw new CliUsageException($"--input '{input}' is neither a folder nor a .csv manifest.");
    }

    /// <summary>Stream settings for --threads and --batch: queues sized so that neither side waits on the other.</summary>
    public ImageStreamOptions StreamOptions(ParseResult parsed)
    {
        int workers = parsed.GetValue(Threads), batch = parsed.GetValue(Batch);
        return new ImageStreamOptions { Workers = workers, BatchSize = batch, QueueCapacity = Math.Max(2 * batch, 2 * workers) };
    }

    /// <summary>The tiled resolver over <paramref name="network"/> with --batch tiles per network call.</summary>
    public SuperResolver Resolver(ParseResult parsed, SrResNet network) =>
        new(network, new SuperResolverOptions { BatchSize = parsed.GetValue(Batch) });
}
