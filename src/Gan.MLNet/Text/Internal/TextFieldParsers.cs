using System.Globalization;

namespace Gan.MLNet.Data;

/// <summary>Parses one field of text into a value, culture-invariantly; false when the text is not a value of the type.</summary>
internal delegate bool FieldParser<T>(string text, out T value);

/// <summary>The parser and the readable type name of each <see cref="DataKind"/>.</summary>
internal static class TextFieldParsers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static FieldParser<float> Single { get; } = (string text, out float value) =>
    {
        if (text.Length == 0)
        {
            value = float.NaN;
            return true;
        }
        return float.TryParse(text, NumberStyles.Float, Invariant, out value);
    };

    public static FieldParser<double> Double { get; } = (string text, out double value) =>
    {
        if (text.Length == 0)
        {
            value = double.NaN;
            return true;
        }
        return double.TryParse(text, NumberStyles.Float, Invariant, out value);
    };

    public static FieldParser<int> Int32 { get; } = (string text, out int value) => int.TryParse(text, NumberStyles.Integer, Invariant, out value);

    public static FieldParser<long> Int64 { get; } = (string text, out long value) => long.TryParse(text, NumberStyles.Integer, Invariant, out value);

    public static FieldParser<uint> UInt32 { get; } = (string text, out uint value) => uint.TryParse(text, NumberStyles.Integer, Invariant, out value);

    public static FieldParser<bool> Boolean { get; } = (string text, out bool value) =>
    {
        if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase))
            return value = true;
        value = false;
        return text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    };

    public static FieldParser<ReadOnlyMemory<char>> Text { get; } = (string text, out ReadOnlyMemory<char> value) =>
    {
        value = text.AsMemory();
        return true;
    };

    /// <summary>A key parser: 0..<paramref name="count"/>, empty = 0 (missing).</summary>
    public static FieldParser<uint> Key(ulong count) => (string text, out uint value) =>
    {
        if (text.Length == 0)
        {
            value = 0;
            return true;
        }
        return UInt32(text, out value) && value <= count;
    };
}
