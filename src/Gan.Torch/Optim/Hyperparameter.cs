using System.Globalization;

namespace Gan.Torch.Optim;

/// <summary>Range checks and exact text form of optimizer hyperparameters.</summary>
internal static class Hyperparameter
{
    public static double NonNegative(double value, string name) =>
        value >= 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0");

    public static double Beta(double value, string name) =>
        value is >= 0 and < 1 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1)");

    /// <summary>Shortest text that parses back to the same double.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
