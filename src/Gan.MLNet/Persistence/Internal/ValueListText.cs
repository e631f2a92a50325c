using System.Text.Json;

namespace Gan.MLNet.Data;

/// <summary>
/// A list of primitive values (key dictionaries, KeyValues and SlotNames annotations) as a JSON array of their
/// invariant text (<see cref="PrimitiveText"/>), so NaN, infinities and -0 survive where JSON numbers could not hold them.
/// </summary>
internal abstract class ValueListText
{
    public static ValueListText For(PrimitiveDataViewType itemType) =>
        (ValueListText)Activator.CreateInstance(typeof(ValueListText<>).MakeGenericType(itemType.RawType), itemType)!;

    /// <summary>Reads annotation <paramref name="kind"/> (a vector of this item type) of <paramref name="annotations"/> as JSON.</summary>
    public abstract byte[] WriteAnnotation(DataViewSchema.Annotations annotations, string kind);

    /// <summary>Adds annotation <paramref name="kind"/> with the values in <paramref name="json"/> to <paramref name="builder"/>.</summary>
    public abstract void AddAnnotation(DataViewSchema.Annotations.Builder builder, string kind, byte[] json, string where);

    public static byte[] Serialize(IEnumerable<string> texts) => JsonSerializer.SerializeToUtf8Bytes(texts.ToArray());

    public static string[] Deserialize(byte[] json, string where)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? throw new ModelFormatException($"{where} is null.");
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{where} is not a JSON list of texts: {e.Message}", e);
        }
    }
}

internal sealed class ValueListText<T>(PrimitiveDataViewType itemType) : ValueListText
{
    public static string[] Format(IEnumerable<T> values)
    {
        var format = PrimitiveText.Formatter<T>();
        return [.. values.Select(format)];
    }

    public static T[] Parse(string[] texts, PrimitiveDataViewType itemType, string where)
    {
        var parse = PrimitiveText.Parser<T>(itemType);
        var values = new T[texts.Length];
        for (int i = 0; i < texts.Length; i++)
        {
            if (!parse(texts[i], out values[i]))
                throw new ModelFormatException($"{where}: item {i}, '{texts[i]}', is not a {itemType}.");
        }
        return values;
    }

    public override byte[] WriteAnnotation(DataViewSchema.Annotations annotations, string kind)
    {
        VBuffer<T> values = default;
        annotations.GetValue(kind, ref values);
        return Serialize(Format(values.DenseValues()));
    }

    public override void AddAnnotation(DataViewSchema.Annotations.Builder builder, string kind, byte[] json, string where)
    {
        var values = Parse(Deserialize(json, where), itemType, where);
        builder.Add(kind, new VectorDataViewType(itemType, values.Length), (ref VBuffer<T> value) => new VBuffer<T>(values.Length, values).CopyTo(ref value));
    }
}
