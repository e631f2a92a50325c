using Gan.Cli.Terminal;
using Gan.Models.SuperResolution;
using Spectre.Console;

namespace Gan.Cli.Training;

/// <summary>Trains an SRResNet or SRGAN on folders of photographs, with checkpoints, and saves the generator as safetensors.</summary>
internal static class SrTraining
{
    public static void Run(IAnsiConsole console, IReadOnlyList<string> folders, string target, SrResNetOptions model, SrPatchOptions patches,
        SrTrainerOptions training, string? initialModel, bool resume, CancellationToken cancellationToken)
    {
        string checkpoint = training.CheckpointPath!;
        using var trainer = resume ? Resume(checkpoint, training.Epochs) : Start(model, training, initialModel);
        if (resume && trainer.Generator.Scale != model.Scale)
            throw new CliUsageException($"--scale {model.Scale} contradicts the checkpoint '{checkpoint}', which trains ×{trainer.Generator.Scale}.");
        patches.Scale = trainer.Generator.Scale;
        using var data = SrPatchDataset.LoadFolders(folders, patches);
        foreach (var skipped in data.Skipped) console.WritePlainLine($"skipped '{skipped.Path}': {skipped.Reason}");
        console.WritePlainLine($"Training {trainer.TrainingOptions.Mode} ×{trainer.Generator.Scale} on {data.TrainingPhotos.Count} photos "
            + $"({data.ValidationPhotos.Count} for validation), {trainer.TrainingOptions.Epochs} epochs{(resume ? $" after epoch {trainer.Epoch}" : "")}.");
        int startEpoch = trainer.Epoch, epochs = trainer.TrainingOptions.Epochs;
        var result = CliProgress.Run(console, "train", 1.0, update => trainer.Train(data,
            new InlineProgress<SrTrainingProgress>(p => update(
                ((p.Epoch - 1 - startEpoch) * (double)p.BatchesPerEpoch + p.Batch) / (epochs * (double)p.BatchesPerEpoch),
                $"epoch {p.Epoch}/{p.TotalEpochs} loss {p.GeneratorLoss:F5} {p.PatchesPerSecond:F0} patches/s")),
            cancellationToken));
        SrResNetSerialization.Save(trainer.Generator, target);
        var validation = trainer.Validate(data);
        console.WritePlainLine($"Saved ×{trainer.Generator.Scale} {trainer.TrainingOptions.Mode} to '{Path.GetFullPath(target)}' after epoch {result.Epoch}; "
            + $"validation PSNR-Y {validation.Psnr:F2} dB (bicubic {validation.BicubicPsnr:F2}), SSIM-Y {validation.Ssim:F4} (bicubic {validation.BicubicSsim:F4}).");
    }

    private static SrTrainer Start(SrResNetOptions model, SrTrainerOptions training, string? initialModel)
    {
        if (training.Mode == SrTrainingMode.Srgan && initialModel is null)
            throw new CliUsageException("srgan fine-tunes a trained SRResNet: pass --init <srresnet.safetensors>.");
        using var initial = initialModel is null ? null : SrResNetSerialization.Load(initialModel);
        return new SrTrainer(initial?.Options.Clone() ?? model, training, initial);
    }

    private static SrTrainer Resume(string checkpoint, int moreEpochs)
    {
        if (!File.Exists(checkpoint)) throw new CliUsageException($"--resume: no checkpoint '{checkpoint}' to continue (train without --resume first).");
        var trainer = SrTrainer.LoadCheckpoint(checkpoint);
        trainer.TrainingOptions.Epochs = moreEpochs;
        return trainer;
    }
}
