using Gan.Imaging;

namespace Gan.MLNet.Data;

/// <summary>
/// The output types of the image transforms, computed once for both sides of a pipeline: the transformer (from the
/// input schema) and the estimator (from a <see cref="SchemaShape"/>, whose vector columns carry no size).
/// </summary>
internal interface IImageColumnTypeMapper
{
    /// <summary>The output type of pair <paramref name="pairIndex"/> given its input column; throws <see cref="SchemaMismatchException"/>.</summary>
    DataViewType GetOutputType(int pairIndex, string inputColumnName, DataViewType inputType);
}

/// <summary>Input checks and the estimator-side schema propagation shared by the image transforms.</summary>
internal static class ImageColumnTypes
{
    /// <summary>A getter of <paramref name="map"/> applied to each row's image; a null image (a load error) stays null.</summary>
    public static ValueGetter<Image?> MapImages(DataViewRow input, DataViewSchema.Column inputColumn, Func<Image, Image> map)
    {
        var getImage = input.GetGetter<Image?>(inputColumn);
        Image? source = null;
        return (ref Image? value) =>
        {
            getImage(ref source);
            value = source is null ? null : map(source);
        };
    }

    public static ImageDataViewType RequireImage(string columnName, DataViewType type, bool knownSize)
    {
        if (type is not ImageDataViewType image)
            throw new SchemaMismatchException(columnName, knownSize ? "an image of known size" : "an image", type.ToString());
        if (knownSize && !image.IsKnownSize)
            throw new SchemaMismatchException(columnName, "an image of known size (resize it first with ResizeImages)", type.ToString());
        return image;
    }

    public static SchemaShape MapShape(SchemaShape inputSchema, IReadOnlyList<(string outputColumnName, string inputColumnName)> pairs, IImageColumnTypeMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var added = pairs.Select((pair, i) =>
        {
            var input = inputSchema.FindColumn(pair.inputColumnName);
            DataViewType inputType = input.Kind == SchemaShape.Column.VectorKind.Scalar
                ? input.ItemType
                : input.ItemType is PrimitiveDataViewType item ? new VectorDataViewType(item) : input.ItemType;
            return SchemaShape.Column.FromType(pair.outputColumnName, mapper.GetOutputType(i, pair.inputColumnName, inputType));
        }).ToArray();
        return new SchemaShape(inputSchema.Where(c => !added.Any(a => a.Name == c.Name)).Concat(added));
    }
}
