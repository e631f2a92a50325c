using System.CommandLine;
using Gan.Cli.Terminal;
using Gan.Imaging.Composition;
using Gan.Imaging;
using Gan.MLNet;
using Gan.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;
using Spectre.Console;

namespace Gan.Cli.Commands;

/// <summary><c>gan generate</c>: samples from a saved GAN (a model zip holding a GanGenerate step).</summary>
internal static class GenerateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "A model zip with a GanGenerate step (from 'gan train' or Model.SaveWithNetworks).", Required = true };
        var count = new Option<int>("--count", "-n") { Description = "How many samples.", DefaultValueFactory = _ => 64 };
        count.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--count must be ≥ 1."); });
        var label = new Option<string?>("--label", "-l") { Description = "The class to generate (conditional GANs); default: cycle through all classes." };
        var seed = new Option<ulong?>("--seed") { Description = "The noise seed; default: the model's, so the same command gives the same samples." };
        var columns = new Option<int>("--columns") { Description = "Images per row of a grid.", DefaultValueFactory = _ => 8 };
        columns.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--columns must be ≥ 1."); });
        var output = new Option<string>("--out", "-o") { Description = "A .png file for one grid of all samples, or a folder for one PNG per sample (sample-00000.png, …).", Required = true };
        var command = new Command("generate", "Generate samples from a trained GAN into a grid image or a folder.") { model, count, label, seed, columns, output };
        command.SetAction(parsed =>
        {
            var context = new MLContext();
            string modelPath = parsed.GetValue(model)!;
            using var loaded = (IDisposable)context.Model.LoadWithNetworks(modelPath, out _);
            var generator = FindGenerator((ITransformer)loaded) ?? throw new InvalidDataException($"Model '{modelPath}' holds no GanGenerate step to sample from.");
            string? className = parsed.GetValue(label);
            IDataView samples;
            try
            {
                samples = context.Data.Generate(generator, parsed.GetValue(count), className, parsed.GetValue(seed));
            }
            catch (ArgumentException e) when (e.ParamName == "label")
            {
                throw new InvalidDataException($"Model '{modelPath}': {e.Message}", e);
            }
            var images = ReadImages(samples, generator.OutputColumnName, modelPath);
            string target = parsed.GetValue(output)!;
            if (string.Equals(Path.GetExtension(target), ".png", StringComparison.OrdinalIgnoreCase))
            {
                string? folder = Path.GetDirectoryName(Path.GetFullPath(target));
                if (folder is not null) Directory.CreateDirectory(folder);
                SampleGrid.Compose(images, parsed.GetValue(columns)).Save(target, ImageFormat.Png);
                console.WritePlainLine($"Wrote a grid of {images.Count} samples to '{Path.GetFullPath(target)}'.");
            }
            else
            {
                Directory.CreateDirectory(target);
                for (int i = 0; i < images.Count; i++) images[i].Save(Path.Combine(target, $"sample-{i:D5}.png"), ImageFormat.Png);
                console.WritePlainLine($"Wrote {images.Count} samples to '{Path.GetFullPath(target)}'.");
            }
            return (int)ExitCode.Success;
        });
        return command;
    }

    private static GanGeneratingTransformer? FindGenerator(ITransformer model) => model switch
    {
        GanGeneratingTransformer generator => generator,
        IEnumerable<ITransformer> chain => chain.Select(FindGenerator).LastOrDefault(g => g is not null),
        _ => null,
    };

    private static List<Image> ReadImages(IDataView samples, string columnName, string modelPath)
    {
        var column = samples.Schema[columnName];
        if (column.Type is not ImageDataViewType)
            throw new InvalidDataException($"Model '{modelPath}' generates {column.Type} vectors, not images; use Data.Generate in code to get them as rows.");
        using var cursor = samples.GetRowCursor([column]);
        var getter = cursor.GetGetter<MLImage?>(column);
        var images = new List<Image>();
        MLImage? image = null;
        while (cursor.MoveNext())
        {
            getter(ref image);
            images.Add(image!.ToImage());
        }
        return images;
    }
}
