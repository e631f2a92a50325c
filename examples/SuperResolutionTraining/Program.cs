using System.Globalization;
using Gan.Models.SuperResolution;
using Gan.Models.Torch;
using TorchSharp;
using SuperResolutionTraining;

// Usage (run from the repository root; scripts/train-sr-models.sh runs both scales, docs/superresolution.md has the numbers):
//   train    --scale 2|4 --output FILE --work DIR [--blocks N] [--width N] [--patch N] [--batch N] [--lr X] [--final-lr X]
//            [--minutes M] [--epoch-steps N] [--validation-patches N] [--threads N] [--evaluate FOLDER]
//   evaluate --model FILE --folder FOLDER [--threads N]
var command = args.Length > 0 ? args[0] : "";
var options = TrainingArguments.Parse(args.Skip(1).ToArray());
TorchRuntime.EnsureLoaded(); // before any tensor work: it prepares the process for libtorch
torch.set_num_threads(options.Threads);
AllocatorSettings.TryRetainFreedMemory();
switch (command)
{
    case "train":
        BundledModelTraining.Run(options);
        if (options.EvaluationFolder is { } folder) Set14Report.Print(options.Output, folder);
        return 0;
    case "evaluate":
        Set14Report.Print(options.Model ?? throw new ArgumentException("evaluate needs --model FILE"),
            options.EvaluationFolder ?? throw new ArgumentException("evaluate needs --folder FOLDER"));
        return 0;
    default:
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unknown command '{command}'; use train or evaluate"));
        return 2;
}
