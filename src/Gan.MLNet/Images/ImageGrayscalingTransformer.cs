using Gan.Imaging;
using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Converts images to Gray8 (BT.601 luma, see <see cref="Image.ConvertTo"/>); the size and column type are kept, null stays null.</summary>
public sealed class ImageGrayscalingTransformer : OneToOneTransformerBase, IImageColumnTypeMapper
{
    internal const string ModelKind = "ConvertToGrayscale";

    internal ImageGrayscalingTransformer(params (string outputColumnName, string inputColumnName)[] columns) : base(columns) { }

    /// <summary>Saves the column pairs.</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        ColumnPairsOption.Save(context, ColumnPairs);
    }

    internal static ITransformer Load(ModelLoadContext context) => new ImageGrayscalingTransformer(ColumnPairsOption.Load(context));

    DataViewType IImageColumnTypeMapper.GetOutputType(int pairIndex, string inputColumnName, DataViewType inputType) =>
        ImageColumnTypes.RequireImage(inputColumnName, inputType, knownSize: false);

    /// <inheritdoc />
    protected override DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn) =>
        new(inputColumn.Name, ((IImageColumnTypeMapper)this).GetOutputType(pairIndex, inputColumn.Name, inputColumn.Type));

    /// <inheritdoc />
    protected override Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn) =>
        ImageColumnTypes.MapImages(input, inputColumn, image => image.ConvertTo(PixelFormat.Gray8));
}
