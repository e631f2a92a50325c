namespace Gan.MLNet;

/// <summary>An output column name and the input column it is computed from.</summary>
public sealed class InputOutputColumnPair
{
    /// <summary>Pairs <paramref name="outputColumnName"/> with <paramref name="inputColumnName"/>.</summary>
    /// <param name="outputColumnName">The output column.</param>
    /// <param name="inputColumnName">The input column; null means the same name as the output.</param>
    public InputOutputColumnPair(string outputColumnName, string? inputColumnName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName ?? outputColumnName;
    }

    /// <summary>The output column.</summary>
    public string OutputColumnName { get; }

    /// <summary>The input column.</summary>
    public string InputColumnName { get; }

    internal static (string outputColumnName, string inputColumnName)[] ToTuples(InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return columns.Select(c => (c.OutputColumnName, c.InputColumnName)).ToArray();
    }
}
