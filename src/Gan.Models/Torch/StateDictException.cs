namespace Gan.Models.Torch;

/// <summary>
/// A state dict does not fit a module: keys with a different shape or dtype and, for a strict load, keys missing from
/// the source or unknown to the module. The message names every offending key; nothing was copied.
/// </summary>
public sealed class StateDictException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public StateDictException(string moduleName, IReadOnlyList<string> missingKeys, IReadOnlyList<string> unexpectedKeys,
        IReadOnlyList<StateDictMismatch> mismatches)
        : base(Describe(moduleName, missingKeys, unexpectedKeys, mismatches))
    {
        MissingKeys = missingKeys;
        UnexpectedKeys = unexpectedKeys;
        Mismatches = mismatches;
    }

    /// <summary>The module's keys absent from the source (reported by strict loads only).</summary>
    public IReadOnlyList<string> MissingKeys { get; }

    /// <summary>The source's keys unknown to the module (reported by strict loads only).</summary>
    public IReadOnlyList<string> UnexpectedKeys { get; }

    /// <summary>Keys present on both sides with a different shape or dtype.</summary>
    public IReadOnlyList<StateDictMismatch> Mismatches { get; }

    private static string Describe(string moduleName, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected,
        IReadOnlyList<StateDictMismatch> mismatches)
    {
        var lines = new List<string> { $"the state dict does not fit {moduleName}:" };
        if (missing.Count > 0) lines.Add("  missing keys: " + string.Join(", ", missing.Select(k => $"'{k}'")));
        if (unexpected.Count > 0) lines.Add("  unexpected keys: " + string.Join(", ", unexpected.Select(k => $"'{k}'")));
        lines.AddRange(mismatches.Select(m => "  " + m));
        return string.Join(Environment.NewLine, lines);
    }
}
