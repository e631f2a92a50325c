using System.Text.Json.Nodes;

namespace Gan.MLNet.Data;

/// <summary>
/// A schema as manifest JSON: every column (hidden ones too, in order) with its name and type; annotations that are
/// vectors of primitive values (KeyValues, SlotNames) go to entries <c>schema/{column}/{kind}.json</c>. Other
/// annotations are not recorded.
/// </summary>
internal static class SchemaJson
{
    public static JsonArray Write(DataViewSchema schema, ModelArchiveBuilder builder)
    {
        var columns = new JsonArray();
        foreach (var column in schema)
        {
            var annotations = new JsonArray();
            foreach (var annotation in column.Annotations.Schema.Where(a => !a.IsHidden && IsRecorded(a)))
            {
                var type = (VectorDataViewType)annotation.Type;
                string entry = builder.AddEntry($"schema/{column.Index}/{annotation.Name}.json", ValueListText.For(type.ItemType).WriteAnnotation(column.Annotations, annotation.Name));
                annotations.Add(new JsonObject { ["kind"] = annotation.Name, ["itemType"] = TypeJson.Write(type.ItemType, column.Name), ["entry"] = entry });
            }
            columns.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = TypeJson.Write(column.Type, column.Name),
                ["annotations"] = annotations,
            });
        }
        return columns;
    }

    private static bool IsRecorded(DataViewSchema.Column annotation) =>
        annotation.Type is VectorDataViewType { ItemType: var item } && PrimitiveText.Supports(item)
        && annotation.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    public static DataViewSchema Read(JsonArray columns, ModelArchiveReader archive)
    {
        var builder = new DataViewSchema.Builder();
        int index = 0;
        foreach (var node in columns)
        {
            string where = $"input column {index++}";
            var json = ModelArchiveReader.Object(node, where);
            string name = ModelArchiveReader.String(json, "name", where);
            where = $"input column '{name}'";
            var type = TypeJson.Read(json["type"], where);
            var annotations = new DataViewSchema.Annotations.Builder();
            foreach (var annotationNode in ModelArchiveReader.Array(json, "annotations", where))
            {
                var annotation = ModelArchiveReader.Object(annotationNode, $"an annotation of {where}");
                string kind = ModelArchiveReader.String(annotation, "kind", $"an annotation of {where}");
                string annotationWhere = $"annotation '{kind}' of {where}";
                if (TypeJson.Read(annotation["itemType"], annotationWhere) is not PrimitiveDataViewType itemType)
                    throw new ModelFormatException($"The manifest is malformed: {annotationWhere} has no primitive item type.");
                string entry = ModelArchiveReader.String(annotation, "entry", annotationWhere);
                ValueListText.For(itemType).AddAnnotation(annotations, kind, archive.ReadEntry(entry), $"Entry '{entry}'");
            }
            builder.AddColumn(name, type, annotations.ToAnnotations());
        }
        return builder.ToSchema();
    }
}
