using System.Globalization;

namespace SuperResolutionTraining;

/// <summary>
/// What a run keeps beside its trainer checkpoint so that a resumed run continues the same schedule and model
/// selection: training seconds spent (the learning-rate schedule follows them) and the best validation so far.
/// </summary>
internal sealed record RunState(double TrainingSeconds, double BestPsnr, int BestEpoch)
{
    public static RunState Fresh { get; } = new(0, double.NegativeInfinity, 0);

    public static RunState Load(string path)
    {
        if (!File.Exists(path)) return Fresh;
        var values = File.ReadAllLines(path).Select(line => line.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return new RunState(Number(values, path, "training_seconds"), Number(values, path, "best_psnr"),
            (int)Number(values, path, "best_epoch"));
    }

    /// <summary>Writes atomically (temporary file, then rename).</summary>
    public void Save(string path)
    {
        string temporary = path + ".tmp";
        File.WriteAllLines(temporary,
        [
            string.Create(CultureInfo.InvariantCulture, $"training_seconds={TrainingSeconds:R}"),
            string.Create(CultureInfo.InvariantCulture, $"best_psnr={BestPsnr:R}"),
            string.Create(CultureInfo.InvariantCulture, $"best_epoch={BestEpoch}"),
        ]);
        File.Move(temporary, path, overwrite: true);
    }

    private static double Number(Dictionary<string, string> values, string path, string key) =>
        values.TryGetValue(key, out string? text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value : throw new InvalidDataException($"run state '{path}': '{key}' is missing or not a number");
}
