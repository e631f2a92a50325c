using System.Text.Json.Nodes;

namespace Gan.MLNet.Data;

/// <summary>
/// Column types as manifest JSON: <c>{"kind":"Single"}</c> (also Double, Int32, Int64, UInt32, Boolean, Text),
/// <c>{"kind":"Key","count":n}</c>, and <c>{"kind":"Vector","item":{...},"dimensions":[...]}</c>,
/// and <c>{"kind":"Image","height":h,"width":w}</c> (0 × 0 for images of any size).
/// </summary>
internal static class TypeJson
{
    public static JsonObject Write(DataViewType type, string columnName) => type switch
    {
        VectorDataViewType vector => new JsonObject
        {
            ["kind"] = "Vector",
            ["item"] = Write(vector.ItemType, columnName),
            ["dimensions"] = new JsonArray([.. vector.Dimensions.Select(d => (JsonNode)d)]),
        },
        ImageDataViewType image => new JsonObject { ["kind"] = "Image", ["height"] = image.Height, ["width"] = image.Width },
        KeyDataViewType key => new JsonObject { ["kind"] = "Key", ["count"] = key.Count },
        BooleanDataViewType => Scalar("Boolean"),
        TextDataViewType => Scalar("Text"),
        NumberDataViewType number => Scalar(number.RawType.Name),
        _ => throw new NotSupportedException($"Column '{columnName}' has type {type}, which the model format cannot record."),
    };

    private static JsonObject Scalar(string kind) => new() { ["kind"] = kind };

    public static DataViewType Read(JsonNode? node, string where)
    {
        var json = ModelArchiveReader.Object(node, where);
        string kind = ModelArchiveReader.String(json, "kind", where);
        switch (kind)
        {
            case "Single": return NumberDataViewType.Single;
            case "Double": return NumberDataViewType.Double;
            case "Int32": return NumberDataViewType.Int32;
            case "Int64": return NumberDataViewType.Int64;
            case "UInt32": return NumberDataViewType.UInt32;
            case "Boolean": return BooleanDataViewType.Instance;
            case "Text": return TextDataViewType.Instance;
            case "Key":
                if (json["count"] is JsonValue count && count.TryGetValue(out ulong keys) && keys is > 0 and <= uint.MaxValue)
                    return new KeyDataViewType(typeof(uint), keys);
                throw new ModelFormatException($"The manifest is malformed: the key type of {where} has no valid count.");
            case "Vector":
                if (Read(json["item"], $"the items of {where}") is not PrimitiveDataViewType item)
                    throw new ModelFormatException($"The manifest is malformed: the items of {where} are not of a primitive type.");
                int[] dimensions = [.. ModelArchiveReader.Array(json, "dimensions", where).Select(d => d is JsonValue v && v.TryGetValue(out int n) && n >= 0 ? n : throw new ModelFormatException($"The manifest is malformed: {where} has a dimension that is not a size."))];
                return new VectorDataViewType(item, dimensions);
            case "Image":
                return ReadImage(json, where);
            default:
                throw new ModelFormatException($"The manifest is malformed: {where} has unknown type kind '{kind}'.");
        }
    }

    private static ImageDataViewType ReadImage(JsonObject json, string where)
    {
        if (json["height"] is JsonValue h && h.TryGetValue(out int height) && json["width"] is JsonValue w && w.TryGetValue(out int width))
        {
            if (height == 0 && width == 0)
                return new ImageDataViewType();
            if (height > 0 && width > 0)
                return new ImageDataViewType(height, width);
        }
        throw new ModelFormatException($"The manifest is malformed: the image type of {where} has no valid height and width.");
    }
}
