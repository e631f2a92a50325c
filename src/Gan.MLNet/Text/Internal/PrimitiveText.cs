using System.Globalization;

namespace Gan.MLNet.Data;

/// <summary>
/// The culture-invariant text of primitive values, shared by SaveAsText and the model format: numbers round-trip
/// exactly ("R" for floating point, so NaN, infinities and -0 survive), Booleans are <c>true</c>/<c>false</c>, keys are their numbers.
/// Read back with <see cref="TextFieldParsers"/>.
/// </summary>
internal static class PrimitiveText
{
    public static Func<T, string> Formatter<T>()
    {
        object formatter = typeof(T) switch
        {
            var t when t == typeof(float) => (Func<float, string>)(v => v.ToString("R", CultureInfo.InvariantCulture)),
            var t when t == typeof(double) => (Func<double, string>)(v => v.ToString("R", CultureInfo.InvariantCulture)),
            var t when t == typeof(int) => (Func<int, string>)(v => v.ToString(CultureInfo.InvariantCulture)),
            var t when t == typeof(long) => (Func<long, string>)(v => v.ToString(CultureInfo.InvariantCulture)),
            var t when t == typeof(uint) => (Func<uint, string>)(v => v.ToString(CultureInfo.InvariantCulture)),
            var t when t == typeof(bool) => (Func<bool, string>)(v => v ? "true" : "false"),
            var t when t == typeof(ReadOnlyMemory<char>) => (Func<ReadOnlyMemory<char>, string>)(v => v.ToString()),
            _ => throw new NotSupportedException($"{typeof(T).Name} values have no text form."),
        };
        return (Func<T, string>)formatter;
    }

    /// <summary>Whether values of <paramref name="type"/> have a text form (numbers, Booleans, text, keys).</summary>
    public static bool Supports(PrimitiveDataViewType type) =>
        type is BooleanDataViewType or TextDataViewType or KeyDataViewType
        || type == NumberDataViewType.Single || type == NumberDataViewType.Double || type == NumberDataViewType.Int32
        || type == NumberDataViewType.Int64 || type == NumberDataViewType.UInt32;

    /// <summary>The parser of values of <paramref name="type"/>.</summary>
    public static FieldParser<T> Parser<T>(PrimitiveDataViewType type)
    {
        object parser = type switch
        {
            KeyDataViewType key => TextFieldParsers.Key(key.Count),
            BooleanDataViewType => TextFieldParsers.Boolean,
            TextDataViewType => TextFieldParsers.Text,
            _ when type == NumberDataViewType.Single => TextFieldParsers.Single,
            _ when type == NumberDataViewType.Double => TextFieldParsers.Double,
            _ when type == NumberDataViewType.Int32 => TextFieldParsers.Int32,
            _ when type == NumberDataViewType.Int64 => TextFieldParsers.Int64,
            _ when type == NumberDataViewType.UInt32 => TextFieldParsers.UInt32,
            _ => throw new NotSupportedException($"{type} values have no text form."),
        };
        return (FieldParser<T>)parser;
    }
}
