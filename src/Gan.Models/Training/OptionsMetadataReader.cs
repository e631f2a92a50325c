using System.Globalization;

namespace Gan.Models.Training;

/// <summary>
/// Reads an options object back from the string pairs it wrote under <c>prefix</c> (model files and checkpoints),
/// with errors that name the key and the value. Enums parse only from their own closed list of names.
/// </summary>
internal sealed class OptionsMetadataReader(IReadOnlyDictionary<string, string> metadata, string prefix, string what)
{
    /// <exception cref="FormatException">The key is missing.</exception>
    public string Text(string key) =>
        metadata.TryGetValue(prefix + key, out var value) ? value : throw new FormatException($"{what}: missing '{prefix}{key}'");

    /// <summary>The value, or null when the key is absent.</summary>
    public string? OptionalText(string key) => metadata.GetValueOrDefault(prefix + key);

    public int Int(string key) =>
        int.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : throw Malformed(key);

    public ulong ULong(string key) =>
        ulong.TryParse(Text(key), NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) ? value : throw Malformed(key);

    public double Double(string key) =>
        double.TryParse(Text(key), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : throw Malformed(key);

    public bool Bool(string key) => Text(key) switch
    {
        "true" => true,
        "false" => false,
        _ => throw Malformed(key),
    };

    public T Enum<T>(string key) where T : struct, Enum
    {
        string text = Text(key);
        foreach (var value in System.Enum.GetValues<T>())
            if (value.ToString() == text) return value;
        throw new FormatException($"{what}: '{prefix}{key}' = '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }

    private FormatException Malformed(string key) => new($"{what}: '{prefix}{key}' = '{metadata[prefix + key]}' is not valid");
}
