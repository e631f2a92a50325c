using System.Globalization;

namespace Gan.Models.Training;

/// <summary>
/// Helpers the trainers share to lay their state out in a checkpoint (<see cref="GanCheckpointFile"/>): sections of
/// tensors or metadata under a key prefix, required entries with clear errors, invariant-culture numbers, and the
/// derivation of independent seeds from the one the user gives.
/// </summary>
internal static class CheckpointState
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/> with <paramref name="prefix"/> before every key.</summary>
    public static void AddSection<T>(Dictionary<string, T> target, string prefix, IReadOnlyDictionary<string, T> source)
    {
        foreach (var (key, value) in source) target[prefix + key] = value;
    }

    /// <summary>The entries whose keys start with <paramref name="prefix"/>, with the prefix removed.</summary>
    public static Dictionary<string, T> Section<T>(IReadOnlyDictionary<string, T> source, string prefix) =>
        source.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(e => e.Key[prefix.Length..], e => e.Value);

    /// <exception cref="FormatException">The key is missing.</exception>
    public static T Required<T>(IReadOnlyDictionary<string, T> source, string key) =>
        source.TryGetValue(key, out var value) ? value : throw new FormatException($"the checkpoint lacks '{key}'");

    /// <exception cref="FormatException">The key is missing or not a non-negative integer.</exception>
    public static int ParseInt(IReadOnlyDictionary<string, string> metadata, string key) =>
        int.Parse(Required(metadata, key), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <exception cref="FormatException">The key is missing or not a non-negative integer.</exception>
    public static long ParseLong(IReadOnlyDictionary<string, string> metadata, string key) =>
        long.Parse(Required(metadata, key), NumberStyles.None, CultureInfo.InvariantCulture);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="parse"/> over a checkpoint's options, reporting what it refuses as a damaged checkpoint.</summary>
    /// <exception cref="GanCheckpointException">The options are missing, malformed or invalid.</exception>
    public static T ParseOptions<T>(string path, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new GanCheckpointException(path, $"its options are invalid: {e.Message}", e);
        }
    }

    /// <summary>SplitMix64 of (seed, stream): well-mixed, independent seeds for a trainer's own generators.</summary>
    public static ulong DeriveSeed(ulong seed, ulong stream)
    {
        ulong z = unchecked(seed + stream * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
