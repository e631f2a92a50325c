namespace Gan.MLNet.Data;

/// <summary>The "columns" option of one-to-one transformers: a list of [output, input] name pairs.</summary>
internal static class ColumnPairsOption
{
    private const string Name = "columns";

    public static void Save(ModelSaveContext context, IEnumerable<(string outputColumnName, string inputColumnName)> pairs) =>
        context.SetOption(Name, pairs.Select(p => new[] { p.outputColumnName, p.inputColumnName }).ToArray());

    public static (string outputColumnName, string inputColumnName)[] Load(ModelLoadContext context)
    {
        var pairs = context.GetOption<string[][]>(Name);
        return [.. pairs.Select(p => p is [var output, var input] ? (output, input) : throw context.Malformed($"option '{Name}' holds an item that is not an [output, input] pair"))];
    }
}
