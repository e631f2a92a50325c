using System.Globalization;

namespace SuperResolutionTraining;

/// <summary>The command line of the training program, with the bundled models' recipe as defaults.</summary>
internal sealed class TrainingArguments
{
    public int Scale { get; private set; } = 4;
    public int Blocks { get; private set; } = 8;
    public int Width { get; private set; } = 32;

    /// <summary>HR patch side; 0 means 24 LR pixels (48 at ×2, 96 at ×4).</summary>
    public int Patch { get; private set; }

    public int Batch { get; private set; } = 16;
    public double LearningRate { get; private set; } = 4e-4;
    public double FinalLearningRate { get; private set; } = 2e-5;
    public double Minutes { get; private set; } = 70;
    public int EpochSteps { get; private set; } = 200;
    public int ValidationPatches { get; private set; } = 256;
    public int Threads { get; private set; } = 1;
    public string Output { get; private set; } = "";
    public string Work { get; private set; } = "artifacts/sr-training";
    public string? Model { get; private set; }
    public string? EvaluationFolder { get; private set; }

    public int PatchSize => Patch > 0 ? Patch : 24 * Scale;

    public static TrainingArguments Parse(string[] args)
    {
        var parsed = new TrainingArguments();
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"option '{args[i]}' has no value");
            string value = args[i + 1];
            switch (args[i])
            {
                case "--scale": parsed.Scale = Int(args[i], value); break;
                case "--blocks": parsed.Blocks = Int(args[i], value); break;
                case "--width": parsed.Width = Int(args[i], value); break;
                case "--patch": parsed.Patch = Int(args[i], value); break;
                case "--batch": parsed.Batch = Int(args[i], value); break;
                case "--lr": parsed.LearningRate = Double(args[i], value); break;
                case "--final-lr": parsed.FinalLearningRate = Double(args[i], value); break;
                case "--minutes": parsed.Minutes = Double(args[i], value); break;
                case "--epoch-steps": parsed.EpochSteps = Int(args[i], value); break;
                case "--validation-patches": parsed.ValidationPatches = Int(args[i], value); break;
                case "--threads": parsed.Threads = Int(args[i], value); break;
                case "--output": parsed.Output = value; break;
                case "--work": parsed.Work = value; break;
                case "--model": parsed.Model = value; break;
                case "--evaluate" or "--folder": parsed.EvaluationFolder = value; break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }
        return parsed;
    }

    private static int Int(string option, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result)
            ? result : throw new ArgumentException($"option '{option}' needs an integer, not '{value}'");

    private static double Double(string option, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result)
            ? result : throw new ArgumentException($"option '{option}' needs a number, not '{value}'");
}
