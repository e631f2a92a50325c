namespace Gan.Benchmarks.Modes;

/// <summary>The <c>--name value</c> options of the non-BenchmarkDotNet modes.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private CommandLine() { }

    /// <summary>Reads <paramref name="args"/> as pairs; anything else, or a name not in <paramref name="known"/>, is an error.</summary>
    public static CommandLine Parse(string[] args, params string[] known)
    {
        var line = new CommandLine();
        for (int i = 0; i < args.Length; i += 2)
        {
            string name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !known.Contains(name[2..]))
                throw new ArgumentException($"unknown option {name}; known: {string.Join(", ", known.Select(k => "--" + k))}");
            if (i + 1 >= args.Length) throw new ArgumentException($"option {name} needs a value");
            line._values[name[2..]] = args[i + 1];
        }
        return line;
    }

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
