using System.CommandLine;
using Gan.Cli.Training;
using Gan.Models.Gans;
using Gan.Models.SuperResolution;
using Gan.Models.Training;
using Spectre.Console;

namespace Gan.Cli.Commands;

/// <summary>
/// <c>gan train &lt;kind&gt;</c>: trains a GAN on a folder of images (one subfolder per class) into a model zip, or an
/// SRResNet/SRGAN upscaler on folders of photographs into a .safetensors network. Kinds are a table
/// (<see cref="Kinds"/>), so a new one is one more row.
/// </summary>
internal static class TrainCommand
{
    private sealed record Kind(string Name, string Description, GanKind? Gan, SrTrainingMode? Sr);

    private static readonly Kind[] Kinds =
    [
        new("gan", "vanilla GAN (MLP)", GanKind.Vanilla, null),
        new("cgan", "conditional GAN (MLP, labels from subfolders)", GanKind.Conditional, null),
        new("dcgan", "DCGAN (28, 32 or 64 px; conditional when --labels)", GanKind.Dcgan, null),
        new("lapgan", "LAPGAN Laplacian pyramid 8 → 16 → 32 px (--size 32; conditional when --labels)", GanKind.Lapgan, null),
        new("srresnet", "SRResNet upscaler, pixel loss", null, SrTrainingMode.SrResNet),
        new("srgan", "SRGAN fine-tuning of an SRResNet (--init)", null, SrTrainingMode.Srgan),
    ];

    public static Command Create(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var kind = new Argument<string>("kind") { Description = "What to train: " + string.Join("; ", Kinds.Select(k => $"{k.Name} = {k.Description}")) + "." };
        kind.AcceptOnlyFromAmong([.. Kinds.Select(k => k.Name)]);
        var data = new Option<string[]>("--data", "-d") { Description = "GANs: a folder of images, one subfolder per class. Upscalers: one or more folders of photographs.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out", "-o") { Description = "The trained model: a .zip for GANs (Model.Save), a .safetensors for upscalers.", Required = true };
        var epochs = new Option<int>("--epochs", "-e") { Description = "Epochs to train (with --resume: more epochs).", DefaultValueFactory = _ => 10 };
        epochs.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--epochs must be ≥ 1."); });
        var resume = new Option<bool>("--resume") { Description = "Continue from the checkpoint beside --out (<out>.checkpoint), exactly where it stopped." };
        var batch = new Option<int?>("--batch") { Description = "Batch size (default: the trainer's)." };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same seed gives the same run on one machine.", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--image-size") { Description = "GANs: images are resized to this square size.", DefaultValueFactory = _ => 32 };
        var labels = new Option<bool>("--labels") { Description = "dcgan, lapgan: condition on the subfolder labels (conditional DCGAN or LAPGAN)." };
        var samples = new Option<string?>("--samples") { Description = "GANs: a folder for a fixed-noise sample grid PNG per epoch." };
        var scale = new Option<int>("--scale") { Description = "Upscalers: 2 or 4.", DefaultValueFactory = _ => 4 };
        scale.AcceptOnlyFromAmong("2", "4");
        var steps = new Option<int?>("--steps-per-epoch") { Description = "Upscalers: batches per epoch (default: the trainer's)." };
        var init = new Option<string?>("--init") { Description = "srgan: the trained SRResNet (.safetensors) to start from." };
        var blocks = new Option<int?>("--blocks") { Description = "srresnet: residual blocks (default: SrResNetOptions')." };
        var width = new Option<int?>("--width") { Description = "srresnet: feature channels (default: SrResNetOptions')." };
        var patch = new Option<int?>("--patch-size") { Description = "Upscalers: HR training patch size in pixels (default: SrPatchOptions')." };
        var command = new Command("train", "Train a GAN or an upscaler, with live progress, checkpoints and sample grids.")
        {
            kind, data, output, epochs, resume, batch, seed, size, labels, samples, scale, steps, init, blocks, width, patch,
        };
        command.SetAction(parsed =>
        {
            var chosen = Kinds.Single(k => k.Name == parsed.GetValue(kind));
            string[] folders = parsed.GetValue(data)!;
            foreach (string folder in folders)
                if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"--data folder '{folder}' does not exist.");
            string target = parsed.GetValue(output)!;
            string checkpoint = target + ".checkpoint";
            if (chosen.Gan is { } ganKind)
            {
                bool resuming = parsed.GetValue(resume);
                if (resuming && !File.Exists(checkpoint))
                    throw new CliUsageException($"--resume: no checkpoint '{checkpoint}' to continue (train without --resume first).");
                var kindToTrain = !parsed.GetValue(labels) ? ganKind : ganKind switch
                {
                    GanKind.Dcgan => GanKind.ConditionalDcgan,
                    GanKind.Lapgan => GanKind.ConditionalLapgan,
                    _ => ganKind,
                };
                var training = new GanTrainerOptions { Epochs = parsed.GetValue(epochs), Seed = parsed.GetValue(seed), SampleDirectory = parsed.GetValue(samples), CheckpointPath = checkpoint };
                if (parsed.GetValue(batch) is { } b) training.BatchSize = b;
                CliUsageException.Check(training.Validate);
                GanTraining.Run(console, folders, target, kindToTrain, parsed.GetValue(size), training, resuming ? checkpoint : null, cancellationToken);
            }
            else
            {
                var training = new SrTrainerOptions { Mode = chosen.Sr!.Value, Epochs = parsed.GetValue(epochs), Seed = parsed.GetValue(seed), CheckpointPath = checkpoint };
                if (parsed.GetValue(batch) is { } b) training.BatchSize = b;
                if (parsed.GetValue(steps) is { } s) training.StepsPerEpoch = s;
                var model = new SrResNetOptions { Scale = parsed.GetValue(scale) };
                if (parsed.GetValue(blocks) is { } n) model.BlockCount = n;
                if (parsed.GetValue(width) is { } w) model.Width = w;
                var patches = new SrPatchOptions { Scale = model.Scale, Seed = parsed.GetValue(seed) };
                if (parsed.GetValue(patch) is { } p) patches.PatchSize = p;
                CliUsageException.Check(() =>
                {
                    training.Validate();
                    model.Validate();
                    patches.Validate();
                });
                SrTraining.Run(console, folders, target, model, patches, training, parsed.GetValue(init), parsed.GetValue(resume), cancellationToken);
            }
            return (int)ExitCode.Success;
        });
        return command;
    }
}
