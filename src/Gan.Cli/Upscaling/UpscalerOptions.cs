using System.CommandLine;
using Gan.Imaging;
using Gan.MLNet.Streaming;
using Gan.Models.SuperResolution;
using TorchSharp;

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

    public Option<int> Batch { get; } = new("--batch") { Description = "Images per inference batch.", DefaultValueFactory = _ => 4 };

    public Option<long> MaxPixels { get; } = new("--max-pixels")
    {
        Description = "Inputs declaring more pixels (width × height) fail at decode and are reported: with the queue sizes, this bounds memory.",
        DefaultValueFactory = _ => DefaultMaxPixels,
    };

    /// <summary>16 megapixels: a ×4 output of that is 268 MP (about 800 MB as RGB), the most one image may take.</summary>
    public const long DefaultMaxPixels = 16L << 20;

    public UpscalerOptions()
    {
        MaxPixels.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 1) r.AddError("--max-pixels must be ≥ 1."); });
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
        command.Options.Add(MaxPixels);
    }

    /// <summary>Loads the network (the caller disposes it) and sets libtorch's thread count.</summary>
    /// <remarks>
    /// libtorch applies a new count to the calling thread and to threads that have not yet run a parallel operation:
    /// call this before the stream starts its inference thread.
    /// </remarks>
    public SrResNet LoadNetwork(ParseResult parsed)
    {
        var network = SrModelSource.Load(parsed.GetValue(Model), parsed.GetValue(Scale));
        torch.set_num_threads(parsed.GetValue(Threads));
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

    /// <summary>Stream settings for --threads, --batch and --max-pixels: queues sized so that neither side waits on the other.</summary>
    public ImageStreamOptions StreamOptions(ParseResult parsed)
    {
        int workers = parsed.GetValue(Threads), batch = parsed.GetValue(Batch);
        return new ImageStreamOptions
        {
            Workers = workers,
            BatchSize = batch,
            QueueCapacity = Math.Max(2 * batch, 2 * workers),
            Decode = new ImageDecodeOptions { MaxPixels = parsed.GetValue(MaxPixels) },
        };
    }
}
