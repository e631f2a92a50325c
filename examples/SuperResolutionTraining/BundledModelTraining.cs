using System.Diagnostics;
using System.Globalization;
using Gan.Models.SuperResolution;

namespace SuperResolutionTraining;

/// <summary>
/// One scale's training run: SRResNet with L1 on the Debian photographs, epochs of a fixed number of batches until the
/// wall-clock budget is spent, the learning rate following a cosine from --lr to --final-lr over that budget. After every
/// epoch the trainer checkpoints (a killed run resumes from it) and the network is written to --output whenever its
/// PSNR-Y on the held-out validation patches is the best so far: model selection never looks at any test set.
/// </summary>
internal static class BundledModelTraining
{
    public static void Run(TrainingArguments args)
    {
        if (args.Output.Length == 0) throw new ArgumentException("train needs --output FILE");
        Directory.CreateDirectory(args.Work);
        if (Path.GetDirectoryName(Path.GetFullPath(args.Output)) is { } outputFolder) Directory.CreateDirectory(outputFolder);
        string checkpoint = Path.Combine(args.Work, $"srresnet-x{args.Scale}.ckpt");
        string statePath = Path.Combine(args.Work, $"srresnet-x{args.Scale}.state");
        double budget = args.Minutes * 60;

        var clock = Stopwatch.StartNew();
        using var data = SrPatchDataset.Load(SrPhotoSources.DebianPhotographs(), new SrPatchOptions
        {
            Scale = args.Scale,
            PatchSize = args.PatchSize,
            ValidationPatchCount = args.ValidationPatches,
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"photos loaded in {clock.Elapsed.TotalSeconds:F1} s: {data.TrainingPhotos.Count} for training, {data.ValidationPhotos.Count} held out " +
            $"({string.Join(", ", data.ValidationPhotos.Select(Path.GetFileName))}), {data.Skipped.Count} skipped; " +
            $"{args.ValidationPatches} validation patches of {args.PatchSize} px"));
        foreach (var skipped in data.Skipped) Console.WriteLine($"  skipped {skipped.Path}: {skipped.Reason}");

        var state = RunState.Load(statePath);
        using var trainer = File.Exists(checkpoint)
            ? SrTrainer.LoadCheckpoint(checkpoint)
            : new SrTrainer(
                new SrResNetOptions { Scale = args.Scale, BlockCount = args.Blocks, Width = args.Width },
                new SrTrainerOptions
                {
                    StepsPerEpoch = args.EpochSteps,
                    BatchSize = args.Batch,
                    LearningRate = args.LearningRate,
                    CheckpointPath = checkpoint,
                    LogEveryBatches = 0,
                });
        if (trainer.Epoch > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"resumed from {checkpoint} at epoch {trainer.Epoch}, step {trainer.Step}, {state.TrainingSeconds:F0} s trained, best validation {state.BestPsnr:F2} dB (epoch {state.BestEpoch})"));
        trainer.TrainingOptions.Epochs = 1;
        trainer.Log += (_, e) => Console.WriteLine(e.Message);

        while (state.TrainingSeconds < budget)
        {
            trainer.LearningRate = Schedule(args, state.TrainingSeconds / budget);
            var epochClock = Stopwatch.StartNew();
            var validation = trainer.Train(data).Validations[^1];
            bool best = validation.Psnr > state.BestPsnr;
            if (best) SrResNetSerialization.Save(trainer.Generator, args.Output);
            state = best
                ? new RunState(state.TrainingSeconds + epochClock.Elapsed.TotalSeconds, validation.Psnr, trainer.Epoch)
                : state with { TrainingSeconds = state.TrainingSeconds + epochClock.Elapsed.TotalSeconds };
            state.Save(statePath);
            string selection = best
                ? $"best so far, saved {args.Output}"
                : string.Create(CultureInfo.InvariantCulture, $"best {state.BestPsnr:F3} dB at epoch {state.BestEpoch}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  lr {trainer.LearningRate:G3}, {state.TrainingSeconds / 60:F1}/{args.Minutes:F0} min: validation gain {validation.Psnr - validation.BicubicPsnr:+0.000;-0.000} dB; {selection}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done: {trainer.Epoch} epochs, {trainer.Step} steps, {state.TrainingSeconds / 60:F1} min; {args.Output} is epoch {state.BestEpoch}, validation PSNR-Y {state.BestPsnr:F3} dB"));
    }

    // Cosine decay from the initial to the final rate over the budget's fraction spent: fast progress early, then fine
    // convergence, whatever the machine's speed.
    private static double Schedule(TrainingArguments args, double fraction) =>
        args.FinalLearningRate + (args.LearningRate - args.FinalLearningRate) * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(fraction, 1)));
}
