using Gan.MLNet.Transforms;

namespace Gan.MLNet.Data;

/// <summary>The kinds of the built-in transformers, registered in every <see cref="ModelComponentRegistry"/>.</summary>
internal static class BuiltInModelComponents
{
    public static void RegisterAll(ModelComponentRegistry registry)
    {
        registry.Register(TransformerChain<ITransformer>.ModelKind, TransformerChain<ITransformer>.Load);
        registry.Register(ValueToKeyMappingTransformer.ModelKind, ValueToKeyMappingTransformer.Load);
        registry.Register(KeyToValueMappingTransformer.ModelKind, KeyToValueMappingTransformer.Load);
        registry.Register(ColumnConcatenatingTransformer.ModelKind, ColumnConcatenatingTransformer.Load);
        registry.Register(ColumnCopyingTransformer.ModelKind, ColumnCopyingTransformer.Load);
        registry.Register(ColumnSelectingTransformer.SelectModelKind, ColumnSelectingTransformer.Load);
        registry.Register(ColumnSelectingTransformer.DropModelKind, ColumnSelectingTransformer.Load);
        registry.Register(ImageLoadingTransformer.ModelKind, ImageLoadingTransformer.Load);
        registry.Register(ImageResizingTransformer.ModelKind, ImageResizingTransformer.Load);
        registry.Register(ImagePixelExtractingTransformer.ModelKind, ImagePixelExtractingTransformer.Load);
        registry.Register(VectorToImageConvertingTransformer.ModelKind, VectorToImageConvertingTransformer.Load);
        registry.Register(ImageGrayscalingTransformer.ModelKind, ImageGrayscalingTransformer.Load);
        registry.Register(GanGeneratingTransformer.ModelKind, GanGeneratingTransformer.Load);
        registry.Register(SuperResolvingTransformer.ModelKind, SuperResolvingTransformer.Load);
    }
}
